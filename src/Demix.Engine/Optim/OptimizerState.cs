using Demix.Engine.Io;

namespace Demix.Engine.Optim;

/// <summary>An optimiser's state: step count, learning rate and named buffers ("exp_avg.0", "momentum_buffer.3", ...).</summary>
public sealed record OptimizerState(int StepCount, float LearningRate, IReadOnlyDictionary<string, float[]> Buffers)
{
    private const string StepName = "step";
    private const string RateName = "lr";

    /// <summary>
    /// The state as named 1-d arrays for a weight file (e.g. SafetensorsWriter): "&lt;prefix&gt;step" and "&lt;prefix&gt;lr"
    /// as one-element arrays (the step count is exact up to 2^24), and each buffer as "&lt;prefix&gt;&lt;name&gt;".
    /// </summary>
    public IReadOnlyList<NamedTensorData> ToNamedTensors(string prefix = "optimizer.")
    {
        var result = new List<NamedTensorData>
        {
            new(prefix + StepName, [1], [StepCount]),
            new(prefix + RateName, [1], [LearningRate]),
        };
        foreach (var (name, values) in Buffers) result.Add(new NamedTensorData(prefix + name, [values.Length], (float[])values.Clone()));
        return result;
    }

    /// <summary>Reads a state written by <see cref="ToNamedTensors"/> (entries without the prefix are ignored).</summary>
    public static OptimizerState FromNamedTensors(IEnumerable<NamedTensorData> tensors, string prefix = "optimizer.")
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var mine = tensors.Where(t => t.Name.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(t => t.Name[prefix.Length..], t => t.Data);
        if (!mine.TryGetValue(StepName, out var step) || !mine.TryGetValue(RateName, out var rate))
        {
            throw new ArgumentException($"No optimizer state with prefix '{prefix}' (entries '{prefix}{StepName}' and '{prefix}{RateName}' are missing).");
        }
        var buffers = mine.Where(e => e.Key != StepName && e.Key != RateName).ToDictionary(e => e.Key, e => (float[])e.Value.Clone());
        return new OptimizerState((int)step[0], rate[0], buffers);
    }
}
