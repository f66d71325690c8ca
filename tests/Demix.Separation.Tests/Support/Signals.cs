using Demix.Audio;

namespace Demix.Separation.Tests.Support;

/// <summary>Analytic test signals and error measures.</summary>
internal static class Signals
{
    public static float[] Sine(double frequencyHz, int sampleRate, int frameCount, double amplitude = 0.5, double phase = 0)
    {
        var samples = new float[frameCount];
        for (int i = 0; i < frameCount; i++) samples[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequencyHz * i / sampleRate + phase));
        return samples;
    }

    public static float[] Noise(int frameCount, int seed, double amplitude = 0.3)
    {
        var random = new Random(seed);
        var samples = new float[frameCount];
        for (int i = 0; i < frameCount; i++) samples[i] = (float)(amplitude * (2 * random.NextDouble() - 1));
        return samples;
    }

    public static float[] Zeros(int frameCount) => new float[frameCount];

    public static float[] Add(float[] a, float[] b) => [.. a.Zip(b, (x, y) => x + y)];

    public static double Energy(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (float v in x) sum += (double)v * v;
        return sum;
    }

    /// <summary>Energy of a - b.</summary>
    public static double ErrorEnergy(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += ((double)a[i] - b[i]) * ((double)a[i] - b[i]);
        return sum;
    }

    public static double MaxAbsDifference(Waveform a, Waveform b)
    {
        double max = 0;
        for (int c = 0; c < a.ChannelCount; c++)
        {
            for (int i = 0; i < a.FrameCount; i++) max = Math.Max(max, Math.Abs(a.Channels[c][i] - b.Channels[c][i]));
        }
        return max;
    }

    /// <summary>The middle part of a channel, away from the edges where frames are partial.</summary>
    public static ReadOnlySpan<float> Middle(float[] channel, int margin) => channel.AsSpan(margin, channel.Length - 2 * margin);
}
