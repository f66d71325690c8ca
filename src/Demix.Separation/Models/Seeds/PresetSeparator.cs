using Demix.Separation.Pipeline;

namespace Demix.Separation.Models.Seeds;

/// <summary>
/// Renames the stems of <paramref name="inner"/>; with <paramref name="monoMixture"/> it works in mono (the pipeline
/// averages the input's channels), feeds the inner separator that mono signal on each of its channels, averages
/// its outputs back to mono and appends the mono mixture as the last stem.
/// </summary>
public sealed class PresetSeparator(ISeparator inner, IReadOnlyList<string> stems, bool monoMixture) : ISeparator
{
    /// <inheritdoc />
    public int? SampleRate => inner.SampleRate;

    /// <inheritdoc />
    public int ChannelCount => monoMixture ? 1 : inner.ChannelCount;

    /// <inheritdoc />
    public IReadOnlyList<string> Stems { get; } = stems;

    /// <inheritdoc />
    public float[][][] Separate(float[][] mix, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(mix);
        if (!monoMixture) return inner.Separate(mix, sampleRate);
        float[] mono = mix[0];
        float[][][] separated = inner.Separate([.. Enumerable.Repeat(mono, inner.ChannelCount)], sampleRate);
        return [.. separated.Select(stem => new[] { Average(stem) }), [mono]];
    }

    private static float[] Average(float[][] channels)
    {
        var result = new float[channels[0].Length];
        foreach (float[] channel in channels) for (int i = 0; i < result.Length; i++) result[i] += channel[i] / channels.Length;
        return result;
    }
}
