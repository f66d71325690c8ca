using Demix.Audio;
using Demix.Dsp.Stft;

namespace Demix.Web.Spectrograms;

/// <summary>
/// Streams audio through the STFT and squeezes the log-power spectrogram into a matrix of a given size:
/// memory is one block, one STFT window and the matrix, whatever the length of the song.
/// </summary>
public static class SpectrogramComputer
{
    private const int BlockFrames = 16384;

    /// <summary>Frames of <paramref name="source"/>: its stated count, or counted by reading it (then it is spent).</summary>
    public static long FrameCount(IAudioSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.FrameCount is long known) return known;
        var block = new float[BlockFrames * source.Format.ChannelCount];
        long frames = 0;
        for (int samples; (samples = source.Read(block)) > 0;) frames += samples / source.Format.ChannelCount;
        return frames;
    }

    /// <summary>Computes the [rows, columns] dB matrix of <paramref name="source"/>, which holds <paramref name="audioFrames"/> frames.</summary>
    /// <param name="name">File name for error messages.</param>
    /// <exception cref="AudioFormatException">The audio is too short or the channel does not exist.</exception>
    public static SpectrogramMatrix Compute(IAudioSource source, long audioFrames, string name, SpectrogramSettings settings, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(settings);
        AudioFormat format = source.Format;
        if (settings.Channel is int channel && channel >= format.ChannelCount)
        {
            throw new AudioFormatException(name, $"it has {format.ChannelCount} channel(s); channel {channel} does not exist (they count from 0).");
        }
        if (audioFrames < 64) throw new AudioFormatException(name, $"it is too short for a spectrogram ({audioFrames} samples; at least 64 needed).");
        int fftSize = Math.Min(settings.FftSize, (int)Math.Min(1 << 16, System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)audioFrames + 1) / 2));
        var config = StftConfig.Torch(fftSize, fftSize / 4, center: true);
        double nyquist = format.SampleRate / 2.0;
        double high = Math.Min(settings.HighHertz ?? nyquist, nyquist);
        double low = Math.Min(settings.LowHertz, high / 2);
        var bands = new FrequencyBands(rows, config.BinCount, (double)format.SampleRate / fftSize, low, high, settings.Scale);
        var accumulator = new SpectrogramAccumulator(rows, columns, config.FrameCount(audioFrames));
        Accumulate(source, settings.Channel, config, bands, accumulator);
        return new SpectrogramMatrix(accumulator.ToDecibels(settings.MinDecibels - 1), rows, columns,
            (double)audioFrames / format.SampleRate, low, high, settings.Scale);
    }

    private static void Accumulate(IAudioSource source, int? channel, StftConfig config, FrequencyBands bands, SpectrogramAccumulator accumulator)
    {
        int channels = source.Format.ChannelCount;
        var interleaved = new float[BlockFrames * channels];
        var mono = new[] { new float[BlockFrames] };
        var stft = new StreamingStft(config, 1);
        var power = new float[config.BinCount];
        var rowPower = new float[bands.RowCount];
        // A full-scale sine has peak magnitude sum(w) / 2: scale so it reads 0 dB.
        double scale = 2.0 / config.WindowSum;
        float powerScale = (float)(scale * scale);
        for (int samples; (samples = source.Read(interleaved)) > 0;)
        {
            int frames = samples / channels;
            MixDown(interleaved.AsSpan(0, samples), channels, channel, mono[0]);
            AddFrames(stft.Push(mono, frames), power, rowPower, powerScale, bands, accumulator);
        }
        AddFrames(stft.Complete(), power, rowPower, powerScale, bands, accumulator);
    }

    /// <summary>One channel of an interleaved block, or the average of all channels.</summary>
    private static void MixDown(ReadOnlySpan<float> interleaved, int channels, int? channel, float[] mono)
    {
        int frames = interleaved.Length / channels;
        for (int i = 0; i < frames; i++)
        {
            if (channel is int c)
            {
                mono[i] = interleaved[i * channels + c];
                continue;
            }
            float sum = 0;
            for (int k = 0; k < channels; k++) sum += interleaved[i * channels + k];
            mono[i] = sum / channels;
        }
    }

    private static void AddFrames(ComplexSpectrogram frames, float[] power, float[] rowPower, float powerScale,
        FrequencyBands bands, SpectrogramAccumulator accumulator)
    {
        for (int t = 0; t < frames.FrameCount; t++)
        {
            ReadOnlySpan<float> re = frames.RealFrame(0, t), im = frames.ImagFrame(0, t);
            for (int k = 0; k < power.Length; k++) power[k] = (re[k] * re[k] + im[k] * im[k]) * powerScale;
            bands.Apply(power, rowPower);
            accumulator.Add(rowPower);
        }
    }
}
