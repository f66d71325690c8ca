using Demix.Dsp.Stft;

namespace Demix.Separation.Methods.Oracle;

/// <summary>
/// sigsep-mus-oracle's IRM and IBM: per channel and bin, <c>P_j = |S_j|^alpha</c> and the mask
/// <c>M_j = P_j / (sum_k P_k + eps)</c>; IBM thresholds it (<c>M_j &gt;= theta</c> gives 1, else 0; theta = 0.5).
/// Each estimate is <c>M_j X</c> with X the mixture's STFT, inverted with the same STFT.
/// </summary>
public sealed class OracleMaskMethod : IOracleMethod
{
    private const float Epsilon = 1.1920929e-7f;   // float32 machine epsilon (the oracle code's np.finfo eps)
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
        float[][] powers = [.. spectra.Select(Power)];
        var model = new float[mix.Length];
        foreach (float[] p in powers) for (int i = 0; i < model.Length; i++) model[i] += p[i];
        var estimates = new Dictionary<string, float[][]>(StringComparer.Ordinal);
        for (int j = 0; j < names.Length; j++)
        {
            float[] mask = powers[j];
            for (int i = 0; i < mask.Length; i++)
            {
                float ratio = mask[i] / (model[i] + Epsilon);
                mask[i] = theta is double t ? (ratio >= t ? 1f : 0f) : ratio;
            }
            ComplexSpectrogram estimate = mix.Clone();
            estimate.MultiplyBy(mask);
            estimates[names[j]] = OracleSpectra.Inverse(estimate, mixture[0].Length);
        }
        return estimates;
    }

    private float[] Power(ComplexSpectrogram spectrum) => alpha == 1 ? spectrum.Magnitude() : PowerOf(spectrum);

    private static float[] PowerOf(ComplexSpectrogram spectrum)
    {
        var power = new float[spectrum.Length];
        spectrum.Power(power);
        return power;
    }
}
