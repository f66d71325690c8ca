namespace Demix.Evaluation.BssEval;

/// <summary>A (true source, estimated source) pairing: estimate <see cref="Estimate"/> is scored against reference <see cref="True"/>.</summary>
internal readonly record struct SourcePair(int True, int Estimate);

/// <summary>
/// Energies of one pairing over one frame, summed over samples (frame plus the L-1 sample filter tail) and
/// channels. s = the true source image, e = the estimate, Pj = projection of e on the true source's delayed
/// channels, P = projection on all references' delayed channels (s_true + e_spat = Pj, s_true + e_spat + e_interf = P).
/// </summary>
internal struct EnergyTerms
{
    /// <summary>sum s^2.</summary>
    public double Target;

    /// <summary>sum (e - s)^2 = ||e_spat + e_interf + e_artif||^2.</summary>
    public double Distortion;

    /// <summary>sum (Pj - s)^2 = ||e_spat||^2.</summary>
    public double Spatial;

    /// <summary>sum (e - Pj)^2 = ||e_interf + e_artif||^2 (the sources-version distortion).</summary>
    public double OwnResidual;

    /// <summary>sum Pj^2 = ||s_true + e_spat||^2.</summary>
    public double OwnImage;

    /// <summary>sum (P - Pj)^2 = ||e_interf||^2.</summary>
    public double Interference;

    /// <summary>sum P^2 = ||s_true + e_spat + e_interf||^2.</summary>
    public double AllImage;

    /// <summary>sum (e - P)^2 = ||e_artif||^2.</summary>
    public double Artifacts;

    /// <summary>Adds the terms of samples where s, e, Pj, P take the given values.</summary>
    public void Add(ReadOnlySpan<double> s, ReadOnlySpan<double> e, ReadOnlySpan<double> pj, ReadOnlySpan<double> p)
    {
        double target = 0, distortion = 0, spatial = 0, own = 0, ownResidual = 0, interference = 0, all = 0, artifacts = 0;
        for (int n = 0; n < pj.Length; n++)
        {
            double sv = n < s.Length ? s[n] : 0, ev = n < e.Length ? e[n] : 0;
            double a = pj[n], b = p[n];
            target += sv * sv;
            distortion += (ev - sv) * (ev - sv);
            spatial += (a - sv) * (a - sv);
            own += a * a;
            ownResidual += (ev - a) * (ev - a);
            interference += (b - a) * (b - a);
            all += b * b;
            artifacts += (ev - b) * (ev - b);
        }
        Target += target; Distortion += distortion; Spatial += spatial; OwnImage += own; OwnResidual += ownResidual;
        Interference += interference; AllImage += all; Artifacts += artifacts;
    }
}
