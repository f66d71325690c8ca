using System.Globalization;
using Demix.Audio;
using Demix.Evaluation.BssEval;
using Demix.Evaluation.Datasets;
using Demix.Evaluation.Results;
using Demix.Evaluation.Scoring;
using Spectre.Console;

namespace Demix.Cli.Commands;

/// <summary>Runs an <see cref="EvaluateRequest"/>: picks the tracks, scores them with progress, writes and prints the aggregate.</summary>
internal sealed class EvaluateRunner(CliConsole console)
{
    public int Run(EvaluateRequest request, CancellationToken cancel)
    {
        IReadOnlyList<EvaluationTrack> tracks = Tracks(request);
        if (tracks.Count == 0) throw new UsageException($"no tracks in '{request.Root}' for this split and --tracks filter.");
        using ResultsFolderLock folderLock = Lock(request.Output);
        console.Out.WriteLine($"evaluate {request.Label} on {request.Dataset} ({tracks.Count} tracks) -> {request.Output}");
        if (request.Dataset == "mir1k") return RunMir1k(request, tracks, cancel);
        var results = new ResultsFolder(request.Output);
        ScoringSettings settings = request.Metrics switch
        {
            "v3" => new ScoringSettings(Filters: FilterEstimation.PerWindow),
            "sdr" => new ScoringSettings(SdrOnly: true),
            _ => new ScoringSettings(),
        };
        int scored = WithProgress(tracks.Count, progress => request.EstimatesRoot is { } dir
            ? DatasetEvaluation.Run(tracks, new EstimatesFolder(dir), results, settings, progress, cancel)
            : DatasetEvaluation.RunPerTrack(tracks, request.Estimator!, results, settings, progress, cancel));
        IReadOnlyList<MetricSummary> summaries = AggregateReport.Write(results, request.Label);
        console.Out.WriteLine($"scored {scored}, skipped {tracks.Count - scored} (already in {request.Output}).");
        console.Out.WriteLine($"BSS Eval {request.Metrics} (museval), median over 1 s frames then median over tracks, dB:");
        console.Out.Write(ResultsComparison.ToMarkdown([new MethodResults(request.Label, summaries)]));
        return ExitCodes.Success;
    }

    private int RunMir1k(EvaluateRequest request, IReadOnlyList<EvaluationTrack> clips, CancellationToken cancel)
    {
        Func<EvaluationTrack, (Waveform, Waveform)> separate = request.EstimatesRoot is { } dir
            ? clip => Split(new EstimatesFolder(dir).Load(clip, TrackScorer.VocalsAccompaniment))
            : clip => Split(request.Estimator!(clip));
        int scored = WithProgress(clips.Count, progress => Mir1kEvaluation.Run(clips, separate, request.Output, progress, cancel));
        Mir1kSummary summary = Mir1kEvaluation.Summarize(request.Output);
        string table = Mir1kEvaluation.ToMarkdown(summary, request.Label);
        File.WriteAllText(Path.Combine(request.Output, "aggregate.md"), table);
        File.WriteAllText(Path.Combine(request.Output, "aggregate.csv"), string.Create(CultureInfo.InvariantCulture,
            $"source,gnsdr,gsir,gsar,clips\nvoice,{summary.Gnsdr[0]:R},{summary.Gsir[0]:R},{summary.Gsar[0]:R},{summary.ClipCount}\naccompaniment,{summary.Gnsdr[1]:R},{summary.Gsir[1]:R},{summary.Gsar[1]:R},{summary.ClipCount}\n"));
        console.Out.WriteLine($"scored {scored}, skipped {clips.Count - scored}.");
        console.Out.WriteLine("MIR-1K, mono 0 dB mixture, BSS Eval sources (v3) over whole clips; means weighted by clip length:");
        console.Out.Write(table);
        return ExitCodes.Success;
    }

    private static ResultsFolderLock Lock(string folder)
    {
        try
        {
            return ResultsFolderLock.Acquire(folder);
        }
        catch (ResultsFolderBusyException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static (Waveform, Waveform) Split(IReadOnlyDictionary<string, Waveform> estimates) => (estimates["vocals"], estimates["accompaniment"]);

    private static IReadOnlyList<EvaluationTrack> Tracks(EvaluateRequest request)
    {
        string[] parts = request.TrackFilter?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        Func<string, bool>? filter = parts.Length == 0 ? null : name => parts.Any(p => name.Contains(p, StringComparison.OrdinalIgnoreCase));
        try
        {
            return request.Dataset switch
            {
                "musdb" or "musdb-hq" => MusdbDataset.Tracks(request.Root, request.Split, filter: filter),
                "dsd100" => Dsd100Dataset.Tracks(request.Root, request.Split, filter),
                "mir1k" => Mir1kDataset.Tracks(request.Root, request.Split, filter),
                _ => FolderDataset.Tracks(request.Root, filter),
            };
        }
        catch (DirectoryNotFoundException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>A Spectre progress bar on a terminal; one line per track otherwise (logs of background runs).</summary>
    private int WithProgress(int total, Func<IProgress<EvaluationProgress>, int> run)
    {
        if (!console.CanShowProgress)
            return run(new InlineProgress<EvaluationProgress>(p => console.Out.WriteLine($"[{p.Done}/{p.Total}] {p.Track}{(p.Skipped ? " (already scored)" : "")}")));
        int scored = 0;
        console.Ansi.Progress().AutoClear(false).Start(context =>
        {
            ProgressTask task = context.AddTask("scoring", maxValue: total);
            scored = run(new InlineProgress<EvaluationProgress>(p => { task.Value = p.Done; task.Description = p.Track; }));
        });
        return scored;
    }

    /// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
