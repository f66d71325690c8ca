using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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

    /// <summary>
    /// Adds the terms of samples where Pj and P take the given values and s, e the given values (zero past
    /// their end: the L-1 sample tail of the filtered frame). Vectorised with Vector512 when available.
    /// </summary>
    public void Add(ReadOnlySpan<double> s, ReadOnlySpan<double> e, ReadOnlySpan<double> pj, ReadOnlySpan<double> p)
    {
        int inFrame = Math.Min(s.Length, pj.Length);
        int n = Vector512.IsHardwareAccelerated ? AddVector(s, e, pj, p, inFrame) : 0;
        double target = 0, distortion = 0, spatial = 0, own = 0, ownResidual = 0, interference = 0, all = 0, artifacts = 0;
        for (; n < pj.Length; n++)
        {
            double sv = n < inFrame ? s[n] : 0, ev = n < inFrame ? e[n] : 0;
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

    private int AddVector(ReadOnlySpan<double> s, ReadOnlySpan<double> e, ReadOnlySpan<double> pj, ReadOnlySpan<double> p, int count)
    {
        Vector512<double> target = default, distortion = default, spatial = default, own = default;
        Vector512<double> ownResidual = default, interference = default, all = default, artifacts = default;
        ref double sr = ref MemoryMarshal.GetReference(s), er = ref MemoryMarshal.GetReference(e);
        ref double ar = ref MemoryMarshal.GetReference(pj), br = ref MemoryMarshal.GetReference(p);
        int n = 0;
        for (; n + 8 <= count; n += 8)
        {
            var sv = Vector512.LoadUnsafe(ref sr, (nuint)n); var ev = Vector512.LoadUnsafe(ref er, (nuint)n);
            var a = Vector512.LoadUnsafe(ref ar, (nuint)n); var b = Vector512.LoadUnsafe(ref br, (nuint)n);
            var d = ev - sv; distortion = Vector512.FusedMultiplyAdd(d, d, distortion);
            d = a - sv; spatial = Vector512.FusedMultiplyAdd(d, d, spatial);
            d = ev - a; ownResidual = Vector512.FusedMultiplyAdd(d, d, ownResidual);
            d = b - a; interference = Vector512.FusedMultiplyAdd(d, d, interference);
            d = ev - b; artifacts = Vector512.FusedMultiplyAdd(d, d, artifacts);
            target = Vector512.FusedMultiplyAdd(sv, sv, target);
            own = Vector512.FusedMultiplyAdd(a, a, own);
            all = Vector512.FusedMultiplyAdd(b, b, all);
        }
        Target += Vector512.Sum(target); Distortion += Vector512.Sum(distortion); Spatial += Vector512.Sum(spatial);
        OwnImage += Vector512.Sum(own); OwnResidual += Vector512.Sum(ownResidual); Interference += Vector512.Sum(interference);
        AllImage += Vector512.Sum(all); Artifacts += Vector512.Sum(artifacts);
        return n;
    }
}
