namespace Demix.Dsp.Tests.Support;

/// <summary>Error measures used by the fixture tests.</summary>
internal static class Compare
{
    /// <summary>
    /// Worst relative error |a - b| / |b| over the complex elements whose reference magnitude exceeds
    /// <paramref name="floorFraction"/> of the largest one; also returns the worst error relative to the maximum.
    /// </summary>
    public static (double Relative, double RelativeToMax) Complex(ReadOnlySpan<float> re, ReadOnlySpan<float> im, ReadOnlySpan<float> refRe, ReadOnlySpan<float> refIm, double floorFraction)
    {
        double max = 0;
        for (int i = 0; i < refRe.Length; i++) max = Math.Max(max, Magnitude(refRe[i], refIm[i]));
        double worstRelative = 0, worstAbsolute = 0;
        for (int i = 0; i < refRe.Length; i++)
        {
            double reference = Magnitude(refRe[i], refIm[i]);
            double error = Magnitude(re[i] - (double)refRe[i], im[i] - (double)refIm[i]);
            worstAbsolute = Math.Max(worstAbsolute, error);
            if (reference > floorFraction * max) worstRelative = Math.Max(worstRelative, error / reference);
        }
        return (worstRelative, worstAbsolute / max);
    }

    /// <summary>Largest |a[i] - b[i]|.</summary>
    public static double MaxAbs(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        Assert.Equal(b.Length, a.Length);
        double worst = 0;
        for (int i = 0; i < a.Length; i++) worst = Math.Max(worst, Math.Abs((double)a[i] - b[i]));
        return worst;
    }

    /// <summary>Root mean square of a[i] - b[i].</summary>
    public static double Rms(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += ((double)a[i] - b[i]) * ((double)a[i] - b[i]);
        return Math.Sqrt(sum / Math.Max(1, a.Length));
    }

    private static double Magnitude(double re, double im) => Math.Sqrt(re * re + im * im);
}
