namespace Demix.Evaluation.BssEval;

/// <summary>
/// References and estimates of one evaluation, flattened by channel: channel c of source j is entry
/// <c>j * ChannelCount + c</c>. All channels have the same length, in float64.
/// </summary>
internal sealed class SignalSet
{
    /// <summary>Flattens [source][channel][sample] arrays (not copied) after checking their shapes.</summary>
    public SignalSet(double[][][] references, double[][][] estimates)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(estimates);
        if (references.Length == 0) throw new ArgumentException("There must be at least one reference source.", nameof(references));
        if (estimates.Length != references.Length)
            throw new ArgumentException($"There are {references.Length} reference sources but {estimates.Length} estimates.", nameof(estimates));
        SourceCount = references.Length;
        ChannelCount = references[0].Length;
        SampleCount = references[0].Length > 0 ? references[0][0].Length : 0;
        References = Flatten(references, "reference");
        Estimates = Flatten(estimates, "estimate");
    }

    /// <summary>Number of sources.</summary>
    public int SourceCount { get; }

    /// <summary>Channels per source.</summary>
    public int ChannelCount { get; }

    /// <summary>Samples per channel.</summary>
    public int SampleCount { get; }

    /// <summary>Reference channels, [source * ChannelCount + channel][sample].</summary>
    public double[][] References { get; }

    /// <summary>Estimate channels, [source * ChannelCount + channel][sample].</summary>
    public double[][] Estimates { get; }

    /// <summary>Flattened channel indices of source <paramref name="source"/>.</summary>
    public IEnumerable<int> ChannelsOf(int source) => Enumerable.Range(source * ChannelCount, ChannelCount);

    /// <summary>
    /// museval's silence rule: a source is silent over a range when the sum over its channels is exactly zero
    /// at every sample (so a channel pair with R = -L also counts as silent).
    /// </summary>
    public static bool AnySourceSilent(double[][] channels, int channelCount, int start, int length)
    {
        for (int first = 0; first < channels.Length; first += channelCount)
        {
            bool silent = true;
            for (int n = start; n < start + length && silent; n++)
            {
                double sum = 0;
                for (int c = 0; c < channelCount; c++) sum += channels[first + c][n];
                silent = sum == 0;
            }
            if (silent) return true;
        }
        return false;
    }

    private double[][] Flatten(double[][][] sources, string role)
    {
        var channels = new double[SourceCount * ChannelCount][];
        for (int j = 0; j < SourceCount; j++)
        {
            if (sources[j] is null || sources[j].Length != ChannelCount)
                throw new ArgumentException($"The {role} source {j} has {sources[j]?.Length ?? 0} channels; expected {ChannelCount}.");
            for (int c = 0; c < ChannelCount; c++)
            {
                if (sources[j][c] is null || sources[j][c].Length != SampleCount)
                    throw new ArgumentException($"The {role} source {j} channel {c} has {sources[j][c]?.Length ?? 0} samples; expected {SampleCount}.");
                channels[j * ChannelCount + c] = sources[j][c];
            }
        }
        return channels;
    }
}
