using Demix.Dsp.Stft;
using Demix.Separation.Spectral;

namespace Demix.Separation.Methods.Center;

/// <summary>
/// Stereo centre extraction per STFT bin (Avendano and Jot 2004, "A frequency-domain approach to
/// multichannel upmix"). The inter-channel similarity is taken in phase,
/// <c>psi = 2 max(Re(L conj(R)), 0) / (|L|^2 + |R|^2)</c>, so that anti-phase content (which the
/// magnitude-only similarity would call centred) stays in the accompaniment. The same real mask scales
/// both channels, so each stem keeps the mixture's stereo image and the stems add up to the mixture.
/// No look-ahead: every frame is released as soon as it arrives.
/// </summary>
public sealed class CenterProcessor : ISpectralProcessor
{
    private readonly float[] bandGain;   // [bins], strength inside the band, 0 outside
    private readonly float inverseTwoWidthSquared;
    private readonly float[] vocalMask;
    private readonly float[] accompanimentMask;
    private readonly Queue<ComplexSpectrogram> pending = new();

    /// <summary>Creates the processor for one track at <paramref name="sampleRate"/> Hz.</summary>
    public CenterProcessor(CenterOptions options, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int fftSize = options.FftSize(sampleRate);
        int binCount = fftSize / 2 + 1;
        bandGain = new float[binCount];
        for (int b = 0; b < binCount; b++)
        {
            double frequencyHz = (double)b * sampleRate / fftSize;
            bandGain[b] = frequencyHz >= options.LowHz && frequencyHz <= options.HighHz ? (float)options.Strength : 0f;
        }
        inverseTwoWidthSquared = (float)(1.0 / (2 * options.Width * options.Width));
        vocalMask = new float[binCount];
        accompanimentMask = new float[binCount];
    }

    /// <inheritdoc />
    public int StemCount => 2;

    /// <inheritdoc />
    public void Add(ComplexSpectrogram mixture) => pending.Enqueue(mixture);

    /// <inheritdoc />
    public ComplexSpectrogram[]? TakeReady(bool endOfTrack)
    {
        if (!pending.TryDequeue(out ComplexSpectrogram? mixture)) return null;
        var vocals = new ComplexSpectrogram(mixture.ChannelCount, mixture.FrameCount, mixture.BinCount);
        var accompaniment = new ComplexSpectrogram(mixture.ChannelCount, mixture.FrameCount, mixture.BinCount);
        for (int t = 0; t < mixture.FrameCount; t++)
        {
            ComputeMask(mixture, t);
            for (int c = 0; c < mixture.ChannelCount; c++)
            {
                FrameMask.Apply(mixture, c, t, vocalMask, vocals, t);
                FrameMask.Apply(mixture, c, t, accompanimentMask, accompaniment, t);
            }
        }
        return [vocals, accompaniment];
    }

    /// <summary>The masks of frame <paramref name="frame"/> of a stereo spectrogram.</summary>
    private void ComputeMask(ComplexSpectrogram mixture, int frame)
    {
        ReadOnlySpan<float> leftReal = mixture.RealFrame(0, frame), leftImaginary = mixture.ImagFrame(0, frame);
        ReadOnlySpan<float> rightReal = mixture.RealFrame(1, frame), rightImaginary = mixture.ImagFrame(1, frame);
        for (int b = 0; b < bandGain.Length; b++)
        {
            float gain = bandGain[b];
            float mask = 0f;
            if (gain > 0f)
            {
                float cross = leftReal[b] * rightReal[b] + leftImaginary[b] * rightImaginary[b];
                float power = leftReal[b] * leftReal[b] + leftImaginary[b] * leftImaginary[b]
                    + rightReal[b] * rightReal[b] + rightImaginary[b] * rightImaginary[b];
                float similarity = power > 1e-20f ? 2f * MathF.Max(cross, 0f) / power : 0f;
                float panning = 1f - similarity;
                mask = gain * MathF.Exp(-panning * panning * inverseTwoWidthSquared);
            }
            vocalMask[b] = mask;
            accompanimentMask[b] = 1f - mask;
        }
    }
}
