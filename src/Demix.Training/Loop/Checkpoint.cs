using System.Text.Json;
using Demix.Engine.Io;
using Demix.Engine.Io.Safetensors;
using Demix.Engine.Nn;
using Demix.Engine.Optim;
using Demix.Training.Models;

namespace Demix.Training.Loop;

/// <summary>The loop's own state beside the weights: the next step, the seed and early-stopping bookkeeping.</summary>
/// <param name="Step">Steps done (the next step to run).</param>
/// <param name="Seed">The run seed (batches and dropout are derived from seed and step: no generator state to keep).</param>
/// <param name="BestVocalsSdrDb">Best validation vocals SDR so far (NaN before the first validation).</param>
/// <param name="ValidationsWithoutImprovement">For early stopping.</param>
public sealed record TrainerState(int Step, int Seed, double BestVocalsSdrDb, int ValidationsWithoutImprovement)
{
    /// <summary>Parses the JSON form; NaN is stored as null.</summary>
    public static TrainerState FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        JsonElement best = root.GetProperty("bestVocalsSdrDb");
        return new TrainerState(root.GetProperty("step").GetInt32(), root.GetProperty("seed").GetInt32(),
            best.ValueKind == JsonValueKind.Null ? double.NaN : best.GetDouble(), root.GetProperty("validationsWithoutImprovement").GetInt32());
    }

    /// <summary>The JSON form.</summary>
    public string ToJson() =>
        $"{{\n  \"step\": {Step},\n  \"seed\": {Seed},\n  \"bestVocalsSdrDb\": {(double.IsFinite(BestVocalsSdrDb) ? BestVocalsSdrDb.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "null")},\n  \"validationsWithoutImprovement\": {ValidationsWithoutImprovement}\n}}\n";
}

/// <summary>
/// A run's checkpoint: <c>checkpoint.safetensors</c> (the network's state dict under <c>model.</c>, each optimiser's
/// moments and step under its prefix: <c>optimizer.</c>, or pix2pix's <c>optimizer.generator.</c> and <c>optimizer.discriminator.</c>) and <c>checkpoint.json</c> (<see cref="TrainerState"/>). The learning-rate schedule
/// is a function of the step and every random draw is derived from seed and step, so this is the whole state.
/// Both files are written to temporary names and renamed, the JSON last: a checkpoint is never half written.
/// </summary>
public static class Checkpoint
{
    /// <summary>Weights and optimiser file name.</summary>
    public const string TensorsFile = "checkpoint.safetensors";

    /// <summary>Loop state file name.</summary>
    public const string StateFile = "checkpoint.json";

    private const string ModelPrefix = "model.";

    /// <summary>True when <paramref name="runDirectory"/> holds a checkpoint.</summary>
    public static bool Exists(string runDirectory) => File.Exists(Path.Combine(runDirectory, StateFile));

    /// <summary>Writes the checkpoint: the network and every optimiser under its prefix.</summary>
    public static void Save(string runDirectory, Module network, IReadOnlyList<NamedOptimizer> optimizers, TrainerState state)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(optimizers);
        ArgumentNullException.ThrowIfNull(state);
        var tensors = network.ToNamedTensors().Select(t => t with { Name = ModelPrefix + t.Name })
            .Concat(optimizers.SelectMany(o => o.Optimizer.ExportState().ToNamedTensors(o.Prefix))).ToList();
        string tensorsPath = Path.Combine(runDirectory, TensorsFile), statePath = Path.Combine(runDirectory, StateFile);
        SafetensorsWriter.Write(tensorsPath + ".part", tensors);
        File.WriteAllText(statePath + ".part", state.ToJson());
        File.Move(tensorsPath + ".part", tensorsPath, overwrite: true);
        File.Move(statePath + ".part", statePath, overwrite: true);
    }

    /// <summary>Loads the checkpoint into <paramref name="network"/> and <paramref name="optimizers"/>.</summary>
    /// <exception cref="InvalidDataException">The checkpoint does not fit the network (wrong config for this run).</exception>
    public static TrainerState Load(string runDirectory, Module network, IReadOnlyList<NamedOptimizer> optimizers)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(optimizers);
        string tensorsPath = Path.Combine(runDirectory, TensorsFile);
        NamedTensorSet set = SafetensorsReader.Read(tensorsPath);
        var model = set.Where(t => t.Name.StartsWith(ModelPrefix, StringComparison.Ordinal)).Select(t => t with { Name = t.Name[ModelPrefix.Length..] });
        try
        {
            network.LoadStateDict(new NamedTensorSet(tensorsPath, model), strict: true);
            foreach (NamedOptimizer optimizer in optimizers) optimizer.Optimizer.ImportState(OptimizerState.FromNamedTensors(set, optimizer.Prefix));
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{tensorsPath}: the checkpoint does not fit the model of this config: {e.Message}", e);
        }
        return TrainerState.FromJson(File.ReadAllText(Path.Combine(runDirectory, StateFile)));
    }
}
