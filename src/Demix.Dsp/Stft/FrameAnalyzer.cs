using System.Numerics.Tensors;
using Demix.Dsp.Fft;

namespace Demix.Dsp.Stft;

/// <summary>
/// Computes single STFT frames: extracts frame t from a window of available samples (extending the signal
/// by the configured padding), multiplies by the analysis window and transforms it. One instance per thread.
/// Whole-signal and streaming STFTs share it, so both give bit-identical frames.
/// </summary>
internal sealed class FrameAnalyzer
{
    /// <summary>Signal length to pass while the end of a stream is not known yet.</summary>
    public const long UnknownLength = long.MaxValue / 4;

    private readonly StftConfig config;
    private readonly RealFft fft;
    private readonly float[] analysisWindow;
    private readonly float[] frame;

    public FrameAnalyzer(StftConfig config)
    {
        this.config = config;
        fft = RealFft.ForSize(config.FftSize);
        analysisWindow = config.WindowValues.ToArray();
        if (config.Scaling == SpectrumScaling.Spectrum)
        {
            for (int n = 0; n < analysisWindow.Length; n++) analysisWindow[n] = (float)(config.WindowValues[n] / config.WindowSum);
        }
        frame = new float[config.FftSize];
    }

    /// <summary>
    /// Writes frame <paramref name="frameIndex"/> (bins) into <paramref name="real"/>/<paramref name="imag"/>.
    /// <paramref name="samples"/> holds original samples [samplesStart, samplesStart + samples.Length) and must
    /// contain every sample the frame (and its reflection) needs; <paramref name="signalLength"/> is the full
    /// length, or <see cref="UnknownLength"/> mid-stream.
    /// </summary>
    public void Analyze(ReadOnlySpan<float> samples, long samplesStart, long signalLength, long frameIndex, Span<float> real, Span<float> imag)
    {
        int n = config.FftSize;
        long start = frameIndex * config.HopSize - config.Offset;
        if (start >= samplesStart && start + n <= samplesStart + samples.Length && start + n <= signalLength)
        {
            TensorPrimitives.Multiply(samples.Slice((int)(start - samplesStart), n), analysisWindow, frame);
        }
        else
        {
            for (int i = 0; i < n; i++) frame[i] = analysisWindow[i] * SampleAt(samples, samplesStart, signalLength, start + i);
        }
        fft.Forward(frame, real, imag);
    }

    private float SampleAt(ReadOnlySpan<float> samples, long samplesStart, long signalLength, long index)
    {
        if (index >= 0 && index < signalLength) return samples[(int)(index - samplesStart)];
        int offset = config.Offset;
        if (index < -offset || index >= signalLength + offset || config.PadMode == PadMode.Zero) return 0f;
        return samples[(int)(ReflectIndex(index, signalLength) - samplesStart)];
    }

    /// <summary>numpy 'reflect' extension: mirror about the end samples without repeating them, periodically.</summary>
    public static long ReflectIndex(long index, long length)
    {
        if (length == 1) return 0;
        long period = 2 * (length - 1);
        long i = index % period;
        if (i < 0) i += period;
        return i < length ? i : period - i;
    }
}
