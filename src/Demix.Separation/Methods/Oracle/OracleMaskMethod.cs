using Demix.Dsp.Stft;

namespace Demix.Separation.Methods.Oracle;

/// <summary>
/// sigsep-mus-oracle's IRM and IBM, per channel and bin with <c>P_j = |S_j|^alpha</c>:
/// <list type="bullet">
/// <item>IRM: the soft mask <c>M_j = P_j / (eps + sum_k P_k)</c>;</item>
/// <item>IBM: the ratio to the <em>mixture</em>, <c>r_j = P_j / (eps + |X|^alpha)</c>, set to 1 above theta and 0 below
/// (a ratio exactly at theta is kept, as the reference does). Where sources cancel, |X| is small and a bin may go to
/// several sources.</item>
/// </list>
/// Each estimate is <c>M_j X</c> with X the mixture's STFT, inverted with the same STFT. eps is numpy's float64
/// machine epsilon (<c>np.finfo(np.float).eps</c>) and the ratios are taken in float64: the STFT is scaled by 1 / sum(window),
/// so quiet bins have powers near float32's epsilon and a larger eps would bias the masks there.
/// </summary>
public sealed class OracleMaskMethod : IOracleMethod
{
    private const double Epsilon = 2.220446049250313e-16;
    private readonly int alpha;
    private readonly double? theta;

    /// <summary>Creates the oracle.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="alpha">Exponent of the magnitudes: 1 (magnitude ratio) or 2 (power ratio).</param>
    /// <param name="theta">Threshold of a binary mask; null for the soft ratio mask.</param>
    public OracleMaskMethod(string name, int alpha, double? theta)
    {
        if (alpha is not (1 or 2)) throw new ArgumentOutOfRangeException(nameof(alpha), "alpha must be 1 or 2.");
        Name = name;
        this.alpha = alpha;
        this.theta = theta;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, float[][]> Separate(float[][] mixture, IReadOnlyDictionary<string, float[][]> sources)
    {
        var (names, spectra) = OracleSpectra.Sources(mixture, sources);
        ComplexSpectrogram mix = Stft.Forward(mixture, OracleSpectra.Config);
        double[][] powers = [.. spectra.Select(Power)];
        double[] denominator = theta is null ? SumOf(powers) : Power(mix);
        var estimates = new Dictionary<string, float[][]>(StringComparer.Ordinal);
        for (int j = 0; j < names.Length; j++)
        {
            var mask = new float[mix.Length];
            for (int i = 0; i < mask.Length; i++)
            {
                double ratio = powers[j][i] / (Epsilon + denominator[i]);
                mask[i] = (float)(theta is double t ? Threshold(ratio, t) : ratio);
            }
            ComplexSpectrogram estimate = mix.Clone();
            estimate.MultiplyBy(mask);
            estimates[names[j]] = OracleSpectra.Inverse(estimate, mixture[0].Length);
        }
        return estimates;
    }

    private static double Threshold(double ratio, double theta) => ratio > theta ? 1 : ratio < theta ? 0 : ratio;

    /// <summary>|S|^alpha per channel and bin, in float64.</summary>
    private double[] Power(ComplexSpectrogram spectrum)
    {
        var power = new double[spectrum.Length];
        for (int i = 0; i < power.Length; i++)
        {
            double squared = (double)spectrum.Real[i] * spectrum.Real[i] + (double)spectrum.Imag[i] * spectrum.Imag[i];
            power[i] = alpha == 1 ? Math.Sqrt(squared) : squared;
        }
        return power;
    }

    private static double[] SumOf(double[][] powers)
    {
        var sum = new double[powers[0].Length];
        foreach (double[] p in powers) for (int i = 0; i < sum.Length; i++) sum[i] += p[i];
        return sum;
    }
}
