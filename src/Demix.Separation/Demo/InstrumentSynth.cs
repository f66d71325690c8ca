namespace Demix.Separation.Demo;

/// <summary>A bass line and a chord pad that repeat every two bars (I - vi - IV - V in C).</summary>
internal static class InstrumentSynth
{
    private static readonly int[][] Progression = [[48, 52, 55], [45, 48, 52], [41, 45, 48], [43, 47, 50]];

    public static float[] Bass(SongTiming timing, int frameCount)
    {
        var output = new float[frameCount];
        int half = timing.BarFrames / 2;
        for (int start = 0, step = 0; start < frameCount; start += half, step++)
        {
            double pitch = SongTiming.MidiToHz(Progression[step % Progression.Length][0] - 12);
            int length = Math.Min(half, frameCount - start);
            for (int i = 0; i < length; i++)
            {
                double t = (double)i / timing.SampleRate;
                double tone = Math.Sin(2 * Math.PI * pitch * t) + 0.3 * Math.Sin(4 * Math.PI * pitch * t);
                output[start + i] += (float)(0.35 * tone * Math.Exp(-t / 0.6) * Math.Min(1, (length - i) / 200.0));
            }
        }
        return output;
    }

    public static float[] Chords(SongTiming timing, int frameCount)
    {
        var output = new float[frameCount];
        int half = timing.BarFrames / 2;
        for (int start = 0, step = 0; start < frameCount; start += half, step++)
        {
            int length = Math.Min(half, frameCount - start);
            foreach (int note in Progression[step % Progression.Length])
            {
                double pitch = SongTiming.MidiToHz(note + 12);
                for (int i = 0; i < length; i++)
                {
                    double t = (double)i / timing.SampleRate;
                    double tone = 0;
                    for (int h = 1; h <= 6; h++) tone += Math.Sin(2 * Math.PI * h * pitch * t) / h;
                    double envelope = Math.Min(1, t / 0.05) * Math.Min(1, (length - i) / 400.0);
                    output[start + i] += (float)(0.06 * tone * envelope);
                }
            }
        }
        return output;
    }
}
