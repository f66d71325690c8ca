namespace Demix.Audio;

/// <summary>
/// A whole audio buffer in memory: planar float32 samples <c>[channels][frames]</c> at an explicit rate.
/// Samples are nominally in [-1, 1]; nothing clips them here.
/// </summary>
public sealed class Waveform
{
    /// <summary>Creates a waveform over existing planar channel arrays (not copied); all must have the same length.</summary>
    /// <param name="channels">Planar samples, [channels][frames].</param>
    /// <param name="sampleRate">Samples per second per channel, in Hz.</param>
    public Waveform(float[][] channels, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Length == 0) throw new ArgumentException("A waveform needs at least one channel.", nameof(channels));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        int frameCount = channels[0].Length;
        foreach (float[] channel in channels)
        {
            if (channel.Length != frameCount) throw new ArgumentException("All channels must have the same length.", nameof(channels));
        }
        Channels = channels;
        SampleRate = sampleRate;
    }

    /// <summary>Planar samples, [channels][frames].</summary>
    public float[][] Channels { get; }

    /// <summary>Sample rate in Hz.</summary>
    public int SampleRate { get; }

    /// <summary>Number of channels (1 = mono, 2 = stereo).</summary>
    public int ChannelCount => Channels.Length;

    /// <summary>Number of sample frames (samples per channel).</summary>
    public int FrameCount => Channels[0].Length;

    /// <summary>Duration in seconds.</summary>
    public double DurationSeconds => (double)FrameCount / SampleRate;

    /// <summary>The rate and channel count of this buffer.</summary>
    public AudioFormat Format => new(SampleRate, ChannelCount);

    /// <summary>A silent waveform of the given shape.</summary>
    public static Waveform Silence(int channelCount, int frameCount, int sampleRate)
    {
        var channels = new float[channelCount][];
        for (int c = 0; c < channelCount; c++) channels[c] = new float[frameCount];
        return new Waveform(channels, sampleRate);
    }
}
