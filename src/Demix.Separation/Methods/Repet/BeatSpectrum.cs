using System.Numerics.Tensors;

namespace Demix.Separation.Methods.Repet;

/// <summary>
/// REPET's beat spectrum (Foote and Uchihashi 2001 as used by Rafii and Pardo 2013): the autocorrelation over time of
/// each frequency row of the power spectrogram (unbiased: divided by the overlap length), averaged over frequencies and
/// normalised by lag 0. The repeating period is the lag of its highest value inside the allowed range.
/// </summary>
public static class BeatSpectrum
{
    /// <summary>b(l) for l = 0 .. <paramref name="maxLag"/>, from the power <paramref name="powerByBin"/> <c>[bin][frame]</c>.</summary>
    public static double[] Compute(float[][] powerByBin, int maxLag)
    {
        ArgumentNullException.ThrowIfNull(powerByBin);
        int frames = powerByBin[0].Length;
        maxLag = Math.Min(maxLag, frames - 1);
        var sums = new double[maxLag + 1];
        Parallel.For(0, maxLag + 1, lag =>
        {
            double total = 0;
            foreach (float[] row in powerByBin)
                total += TensorPrimitives.Dot(row.AsSpan(0, frames - lag), row.AsSpan(lag, frames - lag));
            sums[lag] = total / powerByBin.Length / (frames - lag);
        });
        double zero = sums[0] > 0 ? sums[0] : 1;
        for (int l = 0; l < sums.Length; l++) sums[l] /= zero;
        return sums;
    }

    /// <summary>The lag in [<paramref name="minLag"/>, <paramref name="maxLag"/>] with the highest beat spectrum value.</summary>
    public static int Period(double[] beatSpectrum, int minLag, int maxLag)
    {
        ArgumentNullException.ThrowIfNull(beatSpectrum);
        maxLag = Math.Min(maxLag, beatSpectrum.Length - 1);
        minLag = Math.Clamp(minLag, 1, maxLag);
        int best = minLag;
        for (int l = minLag; l <= maxLag; l++) if (beatSpectrum[l] > beatSpectrum[best]) best = l;
        return best;
    }
}
