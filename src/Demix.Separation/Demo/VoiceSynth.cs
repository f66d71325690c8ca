namespace Demix.Separation.Demo;

/// <summary>
/// A sung vowel: a harmonic source (fundamental with 5.5 Hz vibrato, harmonics falling at 12 dB per
/// octave) shaped by the formants of /a/ (730, 1090, 2440 Hz), one melody note per beat with short
/// gaps, so the voice never repeats exactly the way the accompaniment does.
/// </summary>
internal static class VoiceSynth
{
    private static readonly (double FrequencyHz, double BandwidthHz, double Gain)[] Formants =
        [(730, 90, 1.0), (1090, 110, 0.5), (2440, 160, 0.25)];

    private static readonly int[] Scale = [60, 62, 64, 65, 67, 69, 71, 72];   // C major, MIDI

    public static float[] Sing(Random random, SongTiming timing, int frameCount)
    {
        var voice = new float[frameCount];
        int beat = timing.BeatFrames;
        for (int start = 0, note = 4; start < frameCount; start += beat)
        {
            note = Math.Clamp(note + random.Next(-2, 3), 0, Scale.Length - 1);
            bool rest = random.NextDouble() < 0.15;
            if (!rest) SingNote(voice, start, Math.Min(beat - beat / 8, frameCount - start), SongTiming.MidiToHz(Scale[note]), timing.SampleRate);
        }
        return voice;
    }

    private static void SingNote(float[] output, int start, int length, double pitchHz, int sampleRate)
    {
        int harmonicCount = (int)Math.Min(30, 0.45 * sampleRate / pitchHz);
        var amplitudes = new double[harmonicCount + 1];
        for (int h = 1; h <= harmonicCount; h++) amplitudes[h] = FormantGain(h * pitchHz) / (h * h);
        double phase = 0;
        for (int i = 0; i < length; i++)
        {
            double t = (double)i / sampleRate;
            double frequency = pitchHz * (1 + 0.012 * Math.Sin(2 * Math.PI * 5.5 * t) * Math.Min(1, t / 0.15));
            phase += 2 * Math.PI * frequency / sampleRate;
            double sample = 0;
            for (int h = 1; h <= harmonicCount; h++) sample += amplitudes[h] * Math.Sin(h * phase);
            output[start + i] += (float)(0.9 * Envelope(i, length, sampleRate) * sample);
        }
    }

    /// <summary>Sum of second-order resonance magnitudes at <paramref name="frequencyHz"/>.</summary>
    private static double FormantGain(double frequencyHz)
    {
        double gain = 0.05;
        foreach (var (centre, bandwidth, weight) in Formants)
        {
            double detuning = (frequencyHz - centre) / (bandwidth / 2);
            gain += weight / Math.Sqrt(1 + detuning * detuning);
        }
        return gain;
    }

    private static double Envelope(int i, int length, int sampleRate)
    {
        double attack = Math.Min(1, i / (0.03 * sampleRate));
        double release = Math.Min(1, (length - i) / (0.05 * sampleRate));
        return attack * release;
    }
}
