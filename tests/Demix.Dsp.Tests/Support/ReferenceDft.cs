namespace Demix.Dsp.Tests.Support;

/// <summary>Naive O(N^2) float64 DFT of a real signal: the reference the FFT is checked against.</summary>
internal static class ReferenceDft
{
    /// <summary>X[k] = sum_n x[n] exp(-2 pi i k n / N) for k = 0..N/2.</summary>
    public static (double[] Real, double[] Imag) Forward(ReadOnlySpan<float> x)
    {
        int n = x.Length, bins = n / 2 + 1;
        var re = new double[bins];
        var im = new double[bins];
        // exp(-2 pi i j / n) for j < n; the product k t is reduced modulo n so every angle keeps full precision.
        var cos = new double[n];
        var sin = new double[n];
        for (int j = 0; j < n; j++)
        {
            cos[j] = Math.Cos(-2.0 * Math.PI * j / n);
            sin[j] = Math.Sin(-2.0 * Math.PI * j / n);
        }
        for (int k = 0; k < bins; k++)
        {
            double sr = 0, si = 0;
            for (int t = 0; t < n; t++)
            {
                int j = (int)((long)k * t % n);
                sr += x[t] * cos[j];
                si += x[t] * sin[j];
            }
            re[k] = sr;
            im[k] = si;
        }
        return (re, im);
    }

    /// <summary>Uniform random samples in [-1, 1) from a seeded generator.</summary>
    public static float[] RandomSignal(int length, int seed)
    {
        var random = new Random(seed);
        var x = new float[length];
        for (int i = 0; i < length; i++) x[i] = (float)(2 * random.NextDouble() - 1);
        return x;
    }
}
