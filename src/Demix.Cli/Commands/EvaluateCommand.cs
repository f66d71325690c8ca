using System.CommandLine;
using Demix.Evaluation.Datasets;
using Demix.Separation.Models;

namespace Demix.Cli.Commands;

/// <summary>What <c>demix evaluate</c> was asked to do.</summary>
internal sealed record EvaluateRequest(string Dataset, string Root, DatasetSplit Split, string Label, string Output, string Metrics,
    string? TrackFilter, string? EstimatesRoot, Func<EvaluationTrack, IReadOnlyDictionary<string, Demix.Audio.Waveform>>? Estimator);

/// <summary>
/// <c>demix evaluate</c>: separate every track of a data set with a method, model or oracle (or read another tool's
/// estimates) and score it with museval's BSS Eval v4 (or v3, or SDR only); MIR-1K gets GNSDR / GSIR / GSAR.
/// </summary>
public static class EvaluateCommand
{
    /// <summary>Builds the command; its action writes to <paramref name="console"/>.</summary>
    public static Command Create(CliConsole console)
    {
        var dataset = new Option<string>("--dataset") { Description = "Data set layout: musdb, musdb-hq, dsd100, mir1k or folder.", Required = true };
        dataset.AcceptOnlyFromAmong("musdb", "musdb-hq", "dsd100", "mir1k", "folder");
        var root = new Option<string>("--root") { Description = "The data set's folder.", Required = true };
        var split = new Option<string>("--split") { Description = "train, valid, test or all (MUSDB valid = the 14 tracks of musdb_config_mus.yaml; train = the rest of the train folder).", DefaultValueFactory = _ => "test" };
        split.AcceptOnlyFromAmong("train", "valid", "test", "all");
        var method = new Option<string?>("--method", "-m") { Description = $"Method, oracle or baseline: {string.Join(", ", EvaluateEstimators.Names)}." };
        var model = new Option<string?>("--model") { Description = "A model's name (see 'demix models list') or path." };
        var estimates = new Option<string?>("--estimates") { Description = "Score another tool's outputs: <dir>/<track>/{vocals,accompaniment}.<ext>." };
        var output = new Option<string?>("--output", "-o") { Description = "Results folder (default: results/<method>). Tracks already in it are skipped." };
        var metrics = new Option<string>("--metrics") { Description = "v4 (museval: filters over the whole track), v3 (per window) or sdr (SDR only, fast).", DefaultValueFactory = _ => "v4" };
        metrics.AcceptOnlyFromAmong("v4", "v3", "sdr");
        var tracks = new Option<string?>("--tracks") { Description = "Only tracks whose name contains one of these comma-separated strings (case-insensitive)." };
        var command = new Command("evaluate", "Separate a data set and score it (museval v4 BSS Eval; MIR-1K: GNSDR). Resumable.")
        { dataset, root, split, method, model, estimates, output, metrics, tracks };
        command.SetAction((parse, cancel) =>
        {
            string? m = parse.GetValue(method), mo = parse.GetValue(model), e = parse.GetValue(estimates);
            if ((m is null ? 0 : 1) + (mo is null ? 0 : 1) + (e is null ? 0 : 1) != 1)
                throw new UsageException("give exactly one of --method, --model or --estimates.");
            string label = m ?? (mo is null ? Path.GetFileName(Path.TrimEndingDirectorySeparator(e!)) : Path.GetFileNameWithoutExtension(mo));
            var request = new EvaluateRequest(parse.GetValue(dataset)!, parse.GetValue(root)!, Split(parse.GetValue(split)!), label,
                parse.GetValue(output) ?? Path.Combine("results", label), parse.GetValue(metrics)!, parse.GetValue(tracks), e,
                m is not null ? EvaluateEstimators.ForMethod(m) : mo is not null ? EvaluateEstimators.ForModel(LoadModel(mo)) : null);
            return Task.FromResult(new EvaluateRunner(console).Run(request, cancel));
        });
        return command;
    }

    private static DatasetSplit Split(string value) => value switch
    {
        "train" => DatasetSplit.Train,
        "valid" => DatasetSplit.Validation,
        "all" => DatasetSplit.All,
        _ => DatasetSplit.Test,
    };

    private static ISeparationModel LoadModel(string nameOrPath)
    {
        try
        {
            return ModelStore.Default().Load(nameOrPath);
        }
        catch (Exception e) when (e is ModelFileException or FileNotFoundException or Demix.Engine.Io.WeightFileException)
        {
            throw new UsageException(e.Message);
        }
    }
}
