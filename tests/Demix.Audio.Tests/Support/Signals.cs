namespace Demix.Audio.Tests;

/// <summary>Analytic and seeded random test signals.</summary>
internal static class Signals
{
    /// <summary>A sine per channel (frequency grows by 1.5x per channel), amplitude 0.5.</summary>
    public static Waveform Sines(int channelCount, int frameCount, int sampleRate, double frequencyHz = 440)
    {
        var channels = new float[channelCount][];
        for (int c = 0; c < channelCount; c++)
        {
            double f = frequencyHz * Math.Pow(1.5, c);
            channels[c] = new float[frameCount];
            for (int n = 0; n < frameCount; n++) channels[c][n] = (float)(0.5 * Math.Sin(2 * Math.PI * f * n / sampleRate));
        }
        return new Waveform(channels, sampleRate);
    }

    /// <summary>Random values on the grid k / 2^(bits-1) over the whole integer range, seeded.</summary>
    public static Waveform IntegerGrid(int bits, int channelCount, int frameCount, int seed)
    {
        var random = new Random(seed);
        long scale = 1L << (bits - 1);
        var channels = new float[channelCount][];
        for (int c = 0; c < channelCount; c++)
        {
            channels[c] = new float[frameCount];
            for (int n = 0; n < frameCount; n++) channels[c][n] = (float)((double)random.NextInt64(-scale, scale) / scale);
        }
        channels[0][0] = -1f;
        channels[0][Math.Min(1, frameCount - 1)] = (float)((double)(scale - 1) / scale);
        return new Waveform(channels, 44_100);
    }

    /// <summary>Random floats in [-2, 2] (beyond full scale on purpose), seeded.</summary>
    public static Waveform RandomFloats(int channelCount, int frameCount, int seed)
    {
        var random = new Random(seed);
        var channels = new float[channelCount][];
        for (int c = 0; c < channelCount; c++)
        {
            channels[c] = new float[frameCount];
            for (int n = 0; n < frameCount; n++) channels[c][n] = (float)(random.NextDouble() * 4 - 2);
        }
        return new Waveform(channels, 48_000);
    }

    /// <summary>Asserts equal shape and bit-identical samples.</summary>
    public static void AssertIdentical(Waveform expected, Waveform actual)
    {
        Assert.Equal(expected.SampleRate, actual.SampleRate);
        Assert.Equal(expected.ChannelCount, actual.ChannelCount);
        Assert.Equal(expected.FrameCount, actual.FrameCount);
        for (int c = 0; c < expected.ChannelCount; c++) Assert.Equal(expected.Channels[c], actual.Channels[c]);
    }

    /// <summary>Largest absolute sample difference over all channels (shapes must match).</summary>
    public static double MaxDifference(Waveform expected, Waveform actual)
    {
        Assert.Equal(expected.ChannelCount, actual.ChannelCount);
        Assert.Equal(expected.FrameCount, actual.FrameCount);
        double max = 0;
        for (int c = 0; c < expected.ChannelCount; c++)
        {
            for (int n = 0; n < expected.FrameCount; n++) max = Math.Max(max, Math.Abs(expected.Channels[c][n] - actual.Channels[c][n]));
        }
        return max;
    }
}
