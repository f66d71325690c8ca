using Demix.Dsp.Stft;
using Demix.Separation.Models.Seeds;
using Demix.Separation.Pipeline;
using StftTransform = Demix.Dsp.Stft.Stft;

namespace Demix.Separation.Models.KaraokeCnn;

/// <summary>
/// S4's separation: the predicted vocal magnitude V with the mixture's phase is the vocal stem; the karaoke stem is
/// either the spectral subtraction max(|X| - V, 0) with the mixture's phase, or the mixture waveform plus the
/// inverted predicted vocal waveform (x - v), as <see cref="KaraokeMode"/> says.
/// </summary>
public sealed class KaraokeSeparator(IMagnitudeEstimator estimator, int sampleRate, StftConfig config, KaraokeMode mode) : ISeparator
{
    /// <inheritdoc />
    public int? SampleRate { get; } = sampleRate;

    /// <inheritdoc />
    public int ChannelCount => 2;

    /// <inheritdoc />
    public IReadOnlyList<string> Stems { get; } = [StemNames.Vocals, StemNames.Accompaniment];

    /// <summary>How the karaoke stem is made.</summary>
    public KaraokeMode Mode { get; } = mode;

    /// <inheritdoc />
    public float[][][] Separate(float[][] mix, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(mix);
        if (sampleRate != SampleRate) throw new ArgumentException($"The model runs at {SampleRate} Hz, the input is at {sampleRate} Hz.", nameof(sampleRate));
        int length = mix[0].Length;
        float[][] input = MixturePhase.ExtendTo(mix, config.FftSize + 1);
        ComplexSpectrogram mixture = StftTransform.Forward(input, config);
        float[] magnitude = mixture.Magnitude();
        float[] vocal = estimator.Estimate(magnitude, mixture.ChannelCount, mixture.FrameCount, mixture.BinCount)[0];
        float[][] vocals = StftTransform.Inverse(MixturePhase.Apply(mixture, magnitude, vocal), config, input[0].Length);
        float[][] karaoke = Mode == KaraokeMode.InvertedWaveform
            ? [.. input.Zip(vocals, (x, v) => x.Zip(v, (a, b) => a - b).ToArray())]
            : StftTransform.Inverse(MixturePhase.Apply(mixture, magnitude, [.. magnitude.Zip(vocal, (x, v) => Math.Max(x - v, 0f))]), config, input[0].Length);
        return [Cut(vocals, length), Cut(karaoke, length)];
    }

    private static float[][] Cut(float[][] channels, int length) => [.. channels.Select(c => c.Length == length ? c : c[..length])];
}
