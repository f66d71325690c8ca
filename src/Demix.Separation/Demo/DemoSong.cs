using Demix.Audio;

namespace Demix.Separation.Demo;

/// <summary>
/// A short synthetic song whose stems are known exactly: a sung-vowel-like voice panned dead centre, and
/// drums, bass and chords panned around it. Everything is drawn from the injected <see cref="Random"/>, so
/// a seed gives the same song every time.
/// </summary>
public sealed class DemoSong
{
    private DemoSong(Waveform vocals, Waveform accompaniment, Waveform mixture)
    {
        Vocals = vocals;
        Accompaniment = accompaniment;
        Mixture = mixture;
    }

    /// <summary>The true vocals, stereo.</summary>
    public Waveform Vocals { get; }

    /// <summary>The true accompaniment (drums + bass + chords), stereo.</summary>
    public Waveform Accompaniment { get; }

    /// <summary>Vocals + accompaniment.</summary>
    public Waveform Mixture { get; }

    /// <summary>Synthesises a song.</summary>
    /// <param name="random">The only source of randomness (melody and noise).</param>
    /// <param name="sampleRate">Rate in Hz.</param>
    /// <param name="durationSeconds">Length in seconds (a whole number of 2 s bars is best).</param>
    public static DemoSong Synthesize(Random random, int sampleRate = 44100, double durationSeconds = 8.0)
    {
        ArgumentNullException.ThrowIfNull(random);
        int frameCount = (int)Math.Round(durationSeconds * sampleRate);
        var timing = new SongTiming(sampleRate, BeatsPerMinute: 120);
        float[] voice = VoiceSynth.Sing(random, timing, frameCount);
        Waveform vocals = Pan(voice, 0.0, sampleRate);
        Waveform drums = DrumSynth.Play(random, timing, frameCount);
        Waveform bass = Pan(InstrumentSynth.Bass(timing, frameCount), -0.35, sampleRate);
        Waveform chords = Pan(InstrumentSynth.Chords(timing, frameCount), 0.6, sampleRate);
        Waveform accompaniment = Sum(drums, bass, chords);
        float gain = HeadroomGain(Sum(vocals, accompaniment), peak: 0.9f);
        vocals = Scale(vocals, gain);
        accompaniment = Scale(accompaniment, gain);
        return new DemoSong(vocals, accompaniment, Sum(vocals, accompaniment));
    }

    /// <summary>Constant-power panning: pan -1 = hard left, 0 = centre, +1 = hard right.</summary>
    internal static Waveform Pan(float[] mono, double pan, int sampleRate)
    {
        double angle = (pan + 1) * Math.PI / 4;
        float left = (float)Math.Cos(angle), right = (float)Math.Sin(angle);
        if (pan == 0) left = right = (float)Math.Sqrt(0.5);   // dead centre: bit-identical channels
        return new Waveform([[.. mono.Select(v => v * left)], [.. mono.Select(v => v * right)]], sampleRate);
    }

    /// <summary>The gain that brings the mixture's peak down to <paramref name="peak"/> (1 when already below).</summary>
    private static float HeadroomGain(Waveform mixture, float peak)
    {
        float max = mixture.Channels.Max(channel => channel.Max(MathF.Abs));
        return max > peak ? peak / max : 1f;
    }

    private static Waveform Scale(Waveform waveform, float gain) =>
        new([.. waveform.Channels.Select(channel => channel.Select(v => v * gain).ToArray())], waveform.SampleRate);

    internal static Waveform Sum(params Waveform[] parts)
    {
        var channels = new float[2][];
        for (int c = 0; c < 2; c++)
        {
            channels[c] = new float[parts[0].FrameCount];
            foreach (Waveform part in parts)
            {
                for (int i = 0; i < channels[c].Length; i++) channels[c][i] += part.Channels[c][i];
            }
        }
        return new Waveform(channels, parts[0].SampleRate);
    }
}

/// <summary>Tempo of the demo song: beats and bars in samples.</summary>
internal readonly record struct SongTiming(int SampleRate, double BeatsPerMinute)
{
    public int BeatFrames => (int)Math.Round(SampleRate * 60.0 / BeatsPerMinute);

    public int BarFrames => 4 * BeatFrames;

    public static double MidiToHz(double note) => 440.0 * Math.Pow(2, (note - 69) / 12.0);
}
