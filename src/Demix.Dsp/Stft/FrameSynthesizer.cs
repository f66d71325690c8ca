using System.Numerics.Tensors;
using Demix.Dsp.Fft;

namespace Demix.Dsp.Stft;

/// <summary>
/// Inverse STFT pieces shared by the whole-signal and streaming inverses: frame = irfft(X) times the
/// synthesis window (times sum(w) for 'spectrum' scaling); overlap-add of frames and of w^2, and the final
/// division by the w^2 envelope. One instance per thread.
/// </summary>
internal sealed class FrameSynthesizer
{
    /// <summary>Envelope values at or below this give 0 output (the window does not cover the sample).</summary>
    public const float EnvelopeFloor = 1e-10f;

    private readonly RealFft fft;
    private readonly float[] synthesisWindow;
    private readonly float[] windowSquared;
    private readonly float[] frame;
    private readonly int hopSize;

    public FrameSynthesizer(StftConfig config)
    {
        fft = RealFft.ForSize(config.FftSize);
        hopSize = config.HopSize;
        double scale = config.Scaling == SpectrumScaling.Spectrum ? config.WindowSum : 1.0;
        ReadOnlySpan<float> w = config.WindowValues;
        synthesisWindow = new float[w.Length];
        windowSquared = new float[w.Length];
        for (int n = 0; n < w.Length; n++)
        {
            synthesisWindow[n] = (float)(w[n] * scale);
            windowSquared[n] = w[n] * w[n];
        }
        frame = new float[config.FftSize];
    }

    /// <summary>
    /// Adds frame <paramref name="frameIndex"/> (bins in real/imag) to <paramref name="sum"/> and its w^2 to
    /// <paramref name="envelope"/>; both buffers cover extended positions [bufferStart, bufferStart + length),
    /// where frame t starts at extended position t hop.
    /// </summary>
    public void AddFrame(ReadOnlySpan<float> real, ReadOnlySpan<float> imag, long frameIndex, Span<float> sum, Span<float> envelope, long bufferStart)
    {
        long frameStart = frameIndex * hopSize;
        long from = Math.Max(frameStart, bufferStart), to = Math.Min(frameStart + frame.Length, bufferStart + sum.Length);
        if (from >= to) return;
        fft.Inverse(real, imag, frame);
        int count = (int)(to - from), inFrame = (int)(from - frameStart), inBuffer = (int)(from - bufferStart);
        Span<float> target = sum.Slice(inBuffer, count);
        TensorPrimitives.FusedMultiplyAdd(frame.AsSpan(inFrame, count), synthesisWindow.AsSpan(inFrame, count), target, target);
        Span<float> envelopeTarget = envelope.Slice(inBuffer, count);
        TensorPrimitives.Add(envelopeTarget, windowSquared.AsSpan(inFrame, count), envelopeTarget);
    }

    /// <summary>destination[i] = sum[i] / envelope[i] where the envelope exceeds <see cref="EnvelopeFloor"/>, else 0.</summary>
    public static void Normalize(ReadOnlySpan<float> sum, ReadOnlySpan<float> envelope, Span<float> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = envelope[i] > EnvelopeFloor ? sum[i] / envelope[i] : 0f;
        }
    }
}
