using Demix.Dsp.Masking;
using Demix.Dsp.Stft;
using Demix.Separation.Pipeline;
using StftTransform = Demix.Dsp.Stft.Stft;

namespace Demix.Separation.Models.Seeds;

/// <summary>
/// The separator shared by the seed families: STFT (the card's settings), magnitude, the family's
/// <see cref="IMagnitudeEstimator"/>, soft masks <c>|S_i|^p / sum_j |S_j|^p</c> (p = <see cref="MaskPower"/>,
/// or the estimate over the mixture magnitude clamped to [0, 1] when there is one stem), mixture phase, inverse STFT.
/// </summary>
public sealed class MagnitudeSeparator : ISeparator
{
    private readonly IMagnitudeEstimator estimator;
    private readonly StftConfig config;

    /// <summary>Wraps <paramref name="estimator"/> at <paramref name="sampleRate"/> Hz with <paramref name="config"/>.</summary>
    public MagnitudeSeparator(IMagnitudeEstimator estimator, int sampleRate, StftConfig config, int channelCount = 2, float maskPower = 2f)
    {
        this.estimator = estimator ?? throw new ArgumentNullException(nameof(estimator));
        this.config = config ?? throw new ArgumentNullException(nameof(config));
        SampleRate = sampleRate;
        ChannelCount = channelCount;
        MaskPower = maskPower;
    }

    /// <inheritdoc />
    public int? SampleRate { get; }

    /// <inheritdoc />
    public int ChannelCount { get; }

    /// <summary>Exponent of the soft masks across stems.</summary>
    public float MaskPower { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Stems => estimator.Stems;

    /// <inheritdoc />
    public float[][][] Separate(float[][] mix, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(mix);
        if (sampleRate != SampleRate) throw new ArgumentException($"The model runs at {SampleRate} Hz, the input is at {sampleRate} Hz.", nameof(sampleRate));
        int length = mix[0].Length;
        float[][] input = length > config.FftSize ? mix : [.. mix.Select(c => Extend(c, config.FftSize + 1))];
        ComplexSpectrogram spectrogram = StftTransform.Forward(input, config);
        ComplexSpectrogram[] sources = SeparateSpectrogram(spectrogram);
        return [.. sources.Select(s => StftTransform.Inverse(s, config, input[0].Length).Select(c => c[..length]).ToArray())];
    }

    /// <summary>Masked mixture per stem, each [channels, frames, bins].</summary>
    public ComplexSpectrogram[] SeparateSpectrogram(ComplexSpectrogram mixture)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        float[] magnitude = mixture.Magnitude();
        float[][] estimates = estimator.Estimate(magnitude, mixture.ChannelCount, mixture.FrameCount, mixture.BinCount);
        float[][] masks = estimates.Length > 1 ? Masks.Soft(estimates, MaskPower) : [RatioMask(estimates[0], magnitude)];
        return [.. masks.Select(m => Masks.Apply(mixture, m))];
    }

    private static float[] RatioMask(float[] estimate, float[] mixture)
    {
        var mask = new float[estimate.Length];
        Masks.Ratio(estimate, mixture, mask, 1e-8f);
        return mask;
    }

    private static float[] Extend(float[] channel, int length)
    {
        var result = new float[length];
        channel.CopyTo(result, 0);
        return result;
    }
}
