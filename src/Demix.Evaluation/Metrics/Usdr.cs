namespace Demix.Evaluation.Metrics;

/// <summary>
/// The MDX challenge's whole-track "utterance" SDR: 10 log10((sum s^2 + 1e-7) / (sum (s - e)^2 + 1e-7)),
/// summed over all samples and channels in float64. The estimate is zero-padded or cut to the reference length.
/// </summary>
public static class Usdr
{
    /// <summary>The stabilising constant added to both sums.</summary>
    public const double Epsilon = 1e-7;

    /// <summary>uSDR in dB of one target, [channel][sample] each.</summary>
    public static double Compute(ReadOnlySpan<float[]> reference, ReadOnlySpan<float[]> estimate)
    {
        if (reference.Length != estimate.Length)
            throw new ArgumentException($"The reference has {reference.Length} channels but the estimate {estimate.Length}.", nameof(estimate));
        double signal = 0, error = 0;
        for (int c = 0; c < reference.Length; c++)
        {
            float[] s = reference[c], e = estimate[c];
            for (int n = 0; n < s.Length; n++)
            {
                double sv = s[n], diff = sv - (n < e.Length ? e[n] : 0.0);
                signal += sv * sv;
                error += diff * diff;
            }
        }
        return 10.0 * Math.Log10((signal + Epsilon) / (error + Epsilon));
    }

    /// <summary>uSDR in dB of one target given in float64, [channel][sample] each.</summary>
    public static double Compute(ReadOnlySpan<double[]> reference, ReadOnlySpan<double[]> estimate)
    {
        if (reference.Length != estimate.Length)
            throw new ArgumentException($"The reference has {reference.Length} channels but the estimate {estimate.Length}.", nameof(estimate));
        double signal = 0, error = 0;
        for (int c = 0; c < reference.Length; c++)
        {
            double[] s = reference[c], e = estimate[c];
            for (int n = 0; n < s.Length; n++)
            {
                double diff = s[n] - (n < e.Length ? e[n] : 0.0);
                signal += s[n] * s[n];
                error += diff * diff;
            }
        }
        return 10.0 * Math.Log10((signal + Epsilon) / (error + Epsilon));
    }
}
