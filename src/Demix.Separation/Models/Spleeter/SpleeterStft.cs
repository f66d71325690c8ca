using Demix.Dsp.Fft;
using Demix.Dsp.Stft;

namespace Demix.Separation.Models.Spleeter;

/// <summary>
/// Spleeter's STFT (TensorFlow's <c>tf.signal.stft</c>/<c>inverse_stft</c> as <c>EstimatorSpecBuilder</c> calls them):
/// the waveform is preceded by <c>frameLength</c> zeros; frames start at t * hop with no centring, ceil(n / hop)
/// of them, the last zero-padded (<c>pad_end=True</c>); periodic Hann window, FFT size = frame length. The inverse
/// is the plain overlap-add of windowed inverse FFTs times 2/3 (<c>WINDOW_COMPENSATION_FACTOR</c>, since the squared
/// periodic Hann windows at hop N/4 add up to 3/2), then the leading <c>frameLength</c> samples are dropped.
/// </summary>
public sealed class SpleeterStft(int frameLength = 4096, int frameStep = 1024)
{
    /// <summary>Spleeter's window compensation factor.</summary>
    public const float WindowCompensation = 2f / 3f;

    private readonly float[] window = Window.Hann(frameLength, periodic: true);

    /// <summary>Frame (and FFT) length in samples.</summary>
    public int FrameLength { get; } = frameLength;

    /// <summary>Hop in samples.</summary>
    public int FrameStep { get; } = frameStep;

    /// <summary>Bins per frame, frameLength / 2 + 1.</summary>
    public int BinCount => FrameLength / 2 + 1;

    /// <summary>Frames for <paramref name="length"/> samples: ceil((length + frameLength) / hop).</summary>
    public int FrameCount(int length) => (length + FrameLength + FrameStep - 1) / FrameStep;

    /// <summary>The STFT of the zero-prefixed waveform.</summary>
    /// <param name="channels">Planar samples, [channels][samples].</param>
    /// <returns>[channels, frames, frameLength / 2 + 1].</returns>
    public ComplexSpectrogram Forward(float[][] channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        int length = channels[0].Length, frames = FrameCount(length);
        var result = new ComplexSpectrogram(channels.Length, frames, BinCount);
        var fft = RealFft.ForSize(FrameLength);
        var frame = new float[FrameLength];
        for (int c = 0; c < channels.Length; c++)
        {
            for (int t = 0; t < frames; t++)
            {
                for (int i = 0; i < FrameLength; i++)
                {
                    int source = t * FrameStep + i - FrameLength;   // index into the original (unprefixed) signal
                    frame[i] = source >= 0 && source < length ? channels[c][source] * window[i] : 0f;
                }
                fft.Forward(frame, result.RealFrame(c, t), result.ImagFrame(c, t));
            }
        }
        return result;
    }

    /// <summary>Overlap-add inverse times 2/3, cut to the original samples.</summary>
    /// <param name="spectrogram">[channels, frames, bins] as <see cref="Forward"/> made it.</param>
    /// <param name="length">Samples of the original waveform.</param>
    /// <returns>[channels][length].</returns>
    public float[][] Inverse(ComplexSpectrogram spectrogram, int length)
    {
        ArgumentNullException.ThrowIfNull(spectrogram);
        var fft = RealFft.ForSize(FrameLength);
        var frame = new float[FrameLength];
        var result = new float[spectrogram.ChannelCount][];
        for (int c = 0; c < result.Length; c++)
        {
            var output = new float[length];
            for (int t = 0; t < spectrogram.FrameCount; t++)
            {
                fft.Inverse(spectrogram.RealFrame(c, t), spectrogram.ImagFrame(c, t), frame);
                for (int i = 0; i < FrameLength; i++)
                {
                    int target = t * FrameStep + i - FrameLength;
                    if (target >= 0 && target < length) output[target] += frame[i] * window[i] * WindowCompensation;
                }
            }
            result[c] = output;
        }
        return result;
    }
}
