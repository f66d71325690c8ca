using Demix.Dsp.Masking;
using Demix.Dsp.Stft;
using Demix.Engine.Autograd;
using Demix.Engine.Tensors;
using Demix.Separation.Pipeline;

namespace Demix.Separation.Models.Spleeter;

/// <summary>
/// Spleeter's prediction path (<c>EstimatorSpecBuilder</c> in predict mode): <see cref="SpleeterStft"/>, magnitude of
/// the lowest F bins cut into zero-padded segments of T frames, one U-Net per instrument, ratio masks
/// (S_i^p + eps/N) / (sum_j S_j^p + eps) with eps = 1e-10 (<see cref="Masks.Soft"/> with <c>spreadEpsilon</c>),
/// masks extended with zeros above F (<c>mask_extension: zeros</c>), masked mixture STFT, inverse STFT times 2/3.
/// </summary>
public sealed class SpleeterSeparator : ISeparator
{
    private const float Epsilon = 1e-10f;
    private readonly SpleeterNetwork network;
    private readonly SpleeterStft stft;

    /// <summary>Wraps <paramref name="network"/> at <paramref name="sampleRate"/> Hz with the card's frame length and hop.</summary>
    public SpleeterSeparator(SpleeterNetwork network, int sampleRate, int frameLength, int frameStep)
    {
        this.network = network ?? throw new ArgumentNullException(nameof(network));
        stft = new SpleeterStft(frameLength, frameStep);
        if (network.HyperParameters.BinCount > stft.BinCount)
        {
            throw new ArgumentException($"F = {network.HyperParameters.BinCount} exceeds the {stft.BinCount} bins of a {frameLength}-sample frame.");
        }
        SampleRate = sampleRate;
    }

    /// <inheritdoc />
    public int? SampleRate { get; }

    /// <inheritdoc />
    public int ChannelCount => network.HyperParameters.ChannelCount;

    /// <inheritdoc />
    public IReadOnlyList<string> Stems => network.Instruments;

    /// <inheritdoc />
    public float[][][] Separate(float[][] mix, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(mix);
        if (sampleRate != SampleRate) throw new ArgumentException($"Spleeter runs at {SampleRate} Hz, the input is at {sampleRate} Hz.", nameof(sampleRate));
        if (mix.Length != ChannelCount) throw new ArgumentException($"This Spleeter model separates {ChannelCount} channels, got {mix.Length}.", nameof(mix));
        ComplexSpectrogram mixture = stft.Forward(mix);
        float[][] masks = PredictMasks(mixture);
        return [.. masks.Select(m => stft.Inverse(Masks.Apply(mixture, m), mix[0].Length))];
    }

    /// <summary>Full-band masks per instrument, each [channels * frames * bins] in the mixture's layout (0 above F).</summary>
    public float[][] PredictMasks(ComplexSpectrogram mixture)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        int bandBins = network.HyperParameters.BinCount;
        float[][] estimates = PredictMagnitudes(mixture);
        float[][] bandMasks = Masks.Soft(estimates, network.HyperParameters.SeparationExponent, Epsilon, spreadEpsilon: true);
        var result = new float[bandMasks.Length][];
        int rows = mixture.ChannelCount * mixture.FrameCount;
        for (int j = 0; j < result.Length; j++)
        {
            result[j] = new float[mixture.Length];
            for (int r = 0; r < rows; r++) bandMasks[j].AsSpan(r * bandBins, bandBins).CopyTo(result[j].AsSpan(r * mixture.BinCount));
        }
        return result;
    }

    /// <summary>Instrument magnitudes of the lowest F bins, each [channels * frames * F].</summary>
    public float[][] PredictMagnitudes(ComplexSpectrogram mixture)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        int segmentFrames = network.HyperParameters.FrameCount, bandBins = network.HyperParameters.BinCount;
        int channels = mixture.ChannelCount, frames = mixture.FrameCount;
        float[] magnitude = mixture.Magnitude();
        var result = network.Instruments.Select(_ => new float[channels * frames * bandBins]).ToArray();
        using var noGrad = new NoGradScope();
        for (int start = 0; start < frames; start += segmentFrames)
        {
            var input = new float[channels * segmentFrames * bandBins];   // zero-padded past the last frame
            int count = Math.Min(segmentFrames, frames - start);
            for (int c = 0; c < channels; c++)
            {
                for (int t = 0; t < count; t++)
                {
                    magnitude.AsSpan(mixture.Offset(c, start + t), bandBins).CopyTo(input.AsSpan((c * segmentFrames + t) * bandBins));
                }
            }
            Tensor[] outputs = network.Forward(new Tensor([1, channels, segmentFrames, bandBins], input));
            for (int j = 0; j < outputs.Length; j++) CopySegment(outputs[j].Data, result[j], channels, frames, start, count, segmentFrames, bandBins);
        }
        return result;
    }

    private static void CopySegment(float[] segment, float[] target, int channels, int frames, int start, int count, int segmentFrames, int bins)
    {
        for (int c = 0; c < channels; c++)
        {
            for (int t = 0; t < count; t++) segment.AsSpan((c * segmentFrames + t) * bins, bins).CopyTo(target.AsSpan((c * frames + start + t) * bins));
        }
    }
}
