using Demix.Audio;
using Demix.Separation.Methods;
using Spectre.Console;

namespace Demix.Cli.Separate;

/// <summary>
/// Runs <c>demix separate</c>: finds the inputs, separates them (several at once with --jobs), shows a
/// progress bar per file on a terminal, and ends with a summary table or a JSON report.
/// </summary>
public sealed class SeparateRunner
{
    private readonly CliConsole console;

    /// <summary>Creates the runner writing to <paramref name="console"/>.</summary>
    public SeparateRunner(CliConsole console) => this.console = console;

    /// <summary>Does the whole request.</summary>
    /// <returns>The exit code: 0 when every input was separated, 2 when any input was wrong, 1 on other failures.</returns>
    public async Task<int> RunAsync(SeparateRequest request, CancellationToken cancellation)
    {
        var problems = new List<(string Path, string Message)>();
        IReadOnlyList<InputFile> inputs = InputDiscovery.Find(request.Inputs, problems, request.OutputFolder);
        var method = request.CreateMethod();
        int stemCount = request.Stems?.Count ?? method.Stems.Count;
        var naming = new OutputNaming(request.OutputFolder, request.NamePattern, request.Format.Extension(), method.Name, stemCount);
        var results = new List<TrackResult>(problems.Select(p => TrackResult.Error(p.Path, TrackStatus.UserError, p.Message)));
        results.AddRange(DuplicateOutputs(inputs, naming, out IReadOnlyList<InputFile> unique));
        var job = new TrackJob(request, naming);
        results.AddRange(await RunJobsAsync(unique, job, request, cancellation));
        foreach (TrackResult result in results.Where(r => r.Status != TrackStatus.Done)) ReportError(result);
        if (request.Json) JsonReport.Write(console.Out, request, results);
        else if (!request.Quiet) SummaryTable.Write(console.Ansi, results);
        return ExitCode(results);
    }

    private async Task<IReadOnlyList<TrackResult>> RunJobsAsync(IReadOnlyList<InputFile> inputs, TrackJob job,
        SeparateRequest request, CancellationToken cancellation)
    {
        var results = new TrackResult[inputs.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = request.Jobs };
        if (request.Quiet || request.Json || !console.CanShowProgress)
        {
            await Parallel.ForAsync(0, inputs.Count, parallel, (i, _) =>
            {
                results[i] = job.Run(inputs[i], null, cancellation);
                return ValueTask.CompletedTask;
            });
            return results;
        }
        await console.Ansi.Progress().AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                ProgressTask[] tasks = [.. inputs.Select(input => context.AddTask(Markup.Escape(Path.GetFileName(input.Path)), maxValue: 1.0))];
                await Parallel.ForAsync(0, inputs.Count, parallel, (i, _) =>
                {
                    results[i] = job.Run(inputs[i], new Progress<double>(p => tasks[i].Value = p), cancellation);
                    tasks[i].Value = 1.0;
                    return ValueTask.CompletedTask;
                });
            });
        return results;
    }

    /// <summary>Inputs whose outputs would land on another input's files are refused (exit code 2).</summary>
    private static IEnumerable<TrackResult> DuplicateOutputs(IReadOnlyList<InputFile> inputs, OutputNaming naming, out IReadOnlyList<InputFile> unique)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var kept = new List<InputFile>();
        var refused = new List<TrackResult>();
        foreach (InputFile input in inputs)
        {
            string key = Path.GetFullPath(naming.PathOf(input.TrackName, "stem"));
            if (seen.TryGetValue(key, out string? first))
            {
                refused.Add(TrackResult.Error(input.Path, TrackStatus.UserError,
                    $"'{input.Path}': its outputs would overwrite those of '{first}'; put {{track}} in --name or separate them apart."));
                continue;
            }
            seen[key] = input.Path;
            kept.Add(input);
        }
        unique = kept;
        return refused;
    }

    private void ReportError(TrackResult result)
    {
        string prefix = result.Status == TrackStatus.Failed ? "demix: failed: " : "demix: error: ";
        console.Error.WriteLine(prefix + result.Message);
    }

    private static int ExitCode(IReadOnlyList<TrackResult> results)
    {
        if (results.Any(r => r.Status == TrackStatus.Cancelled)) return ExitCodes.Cancelled;
        if (results.Any(r => r.Status == TrackStatus.Failed)) return ExitCodes.Failure;
        if (results.Any(r => r.Status == TrackStatus.UserError)) return ExitCodes.UserError;
        return ExitCodes.Success;
    }
}
