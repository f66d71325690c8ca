namespace Demix.Audio.Tests;

/// <summary>Least-squares fit of a*cos + b*sin at a known frequency, for measuring gain and the residual.</summary>
internal readonly record struct SineFit(double Amplitude, double ResidualRms)
{
    /// <summary>Fits samples [start, start+count) of <paramref name="signal"/> at <paramref name="frequencyHz"/>.</summary>
    public static SineFit Of(float[] signal, int sampleRate, double frequencyHz, int start, int count)
    {
        double w = 2 * Math.PI * frequencyHz / sampleRate;
        double cc = 0, ss = 0, cs = 0, yc = 0, ys = 0;
        for (int n = start; n < start + count; n++)
        {
            double c = Math.Cos(w * n), s = Math.Sin(w * n);
            cc += c * c; ss += s * s; cs += c * s; yc += signal[n] * c; ys += signal[n] * s;
        }
        double det = cc * ss - cs * cs;
        double a = (yc * ss - ys * cs) / det, b = (ys * cc - yc * cs) / det;
        double residual = 0;
        for (int n = start; n < start + count; n++)
        {
            double e = signal[n] - a * Math.Cos(w * n) - b * Math.Sin(w * n);
            residual += e * e;
        }
        return new SineFit(Math.Sqrt(a * a + b * b), Math.Sqrt(residual / count));
    }

    /// <summary>RMS of samples [start, start+count).</summary>
    public static double Rms(float[] signal, int start, int count)
    {
        double sum = 0;
        for (int n = start; n < start + count; n++) sum += (double)signal[n] * signal[n];
        return Math.Sqrt(sum / count);
    }

    /// <summary>A mono sine of amplitude 1 (float32), <paramref name="frameCount"/> frames.</summary>
    public static Waveform Sine(double frequencyHz, int sampleRate, int frameCount)
    {
        var samples = new float[frameCount];
        for (int n = 0; n < frameCount; n++) samples[n] = (float)Math.Sin(2 * Math.PI * frequencyHz * n / sampleRate);
        return new Waveform([samples], sampleRate);
    }
}
