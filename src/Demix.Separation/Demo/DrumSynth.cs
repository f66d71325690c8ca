using Demix.Audio;

namespace Demix.Separation.Demo;

/// <summary>Kick on beats 1 and 3 (slightly left), snare on 2 and 4 (right), hi-hat on every eighth (left).</summary>
internal static class DrumSynth
{
    public static Waveform Play(Random random, SongTiming timing, int frameCount)
    {
        var kick = new float[frameCount];
        var snare = new float[frameCount];
        var hat = new float[frameCount];
        int beat = timing.BeatFrames;
        for (int b = 0; b * beat < frameCount; b++)
        {
            if (b % 2 == 0) Kick(kick, b * beat, timing.SampleRate);
            else Snare(snare, b * beat, timing.SampleRate, random);
            Hat(hat, b * beat, timing.SampleRate, random);
            Hat(hat, b * beat + beat / 2, timing.SampleRate, random);
        }
        return DemoSong.Sum(DemoSong.Pan(kick, -0.2, timing.SampleRate), DemoSong.Pan(snare, 0.45, timing.SampleRate),
            DemoSong.Pan(hat, -0.7, timing.SampleRate));
    }

    private static void Kick(float[] output, int start, int sampleRate)
    {
        double phase = 0;
        for (int i = 0; i < (int)(0.3 * sampleRate) && start + i < output.Length; i++)
        {
            double t = (double)i / sampleRate;
            phase += 2 * Math.PI * (50 + 70 * Math.Exp(-t / 0.04)) / sampleRate;
            output[start + i] += (float)(0.8 * Math.Exp(-t / 0.12) * Math.Sin(phase));
        }
    }

    private static void Snare(float[] output, int start, int sampleRate, Random random)
    {
        for (int i = 0; i < (int)(0.2 * sampleRate) && start + i < output.Length; i++)
        {
            double t = (double)i / sampleRate;
            double body = Math.Sin(2 * Math.PI * 190 * t) * Math.Exp(-t / 0.05);
            double noise = (2 * random.NextDouble() - 1) * Math.Exp(-t / 0.07);
            output[start + i] += (float)(0.35 * body + 0.3 * noise);
        }
    }

    private static void Hat(float[] output, int start, int sampleRate, Random random)
    {
        double previous = 0;
        for (int i = 0; i < (int)(0.05 * sampleRate) && start + i < output.Length; i++)
        {
            double white = 2 * random.NextDouble() - 1;
            double high = white - previous;   // first difference: a crude high-pass
            previous = white;
            output[start + i] += (float)(0.12 * high * Math.Exp(-(double)i / sampleRate / 0.015));
        }
    }
}
