using Demix.Dsp.Masking;
using Demix.Dsp.Stft;
using Demix.Separation.Pipeline;
using StftTransform = Demix.Dsp.Stft.Stft;

namespace Demix.Separation.Models.Seeds;

/// <summary>
/// The separator shared by the seed families: STFT (the card's settings), magnitude, the family's
/// <see cref="IMagnitudeEstimator"/>, soft masks <c>|S_i|^p / sum_j |S_j|^p</c> (p = <see cref="MaskPower"/>,
/// or the estimate over the mixture magnitude clamped to [0, 1] when there is one stem, with an optional residual stem
/// masked by 1 - that mask), mixture phase, inverse STFT.
/// </summary>
public sealed class MagnitudeSeparator : ISeparator
{
    private readonly IMagnitudeEstimator estimator;
    private readonly StftConfig config;

    /// <summary>Wraps <paramref name="estimator"/> at <paramref name="sampleRate"/> Hz with <paramref name="config"/>.</summary>
    /// <param name="residualStem">With a one-stem estimator: the name of a second stem, the mixture masked by 1 - mask.</param>
    public MagnitudeSeparator(IMagnitudeEstimator estimator, int sampleRate, StftConfig config, int channelCount = 2, float maskPower = 2f, string? residualStem = null)
    {
        this.estimator = estimator ?? throw new ArgumentNullException(nameof(estimator));
        this.config = config ?? throw new ArgumentNullException(nameof(config));
        SampleRate = sampleRate;
        ChannelCount = channelCount;
        MaskPower = maskPower;
        Stems = residualStem is null ? estimator.Stems : [.. estimator.Stems, residualStem];
        residual = residualStem is not null;
        if (residual && estimator.Stems.Count != 1) throw new ArgumentException("A residual stem needs a one-stem estimator.", nameof(residualStem));
    }

    private readonly bool residual;

    /// <inheritdoc />
    public int? SampleRate { get; }

    /// <inheritdoc />
    public int ChannelCount { get; }

    /// <summary>Exponent of the soft masks across stems.</summary>
    public float MaskPower { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Stems { get; }

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
        if (residual) masks = [masks[0], [.. masks[0].Select(m => 1f - m)]];
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
