using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Demix.Evaluation.Fourier;

/// <summary>
/// The O(n) steps around the half-length complex FFT of <see cref="RealFft"/>: splitting even/odd samples,
/// combining Z[k] with conj(Z[m - k]) into the real spectrum, and the inverse of both. AVX-512 when present
/// (two-source permutes for the (de)interleaving, a lane reversal for the mirrored index), else scalar.
/// </summary>
internal static class RealFftPacking
{
    private static readonly Vector512<long> EvenIndex = Vector512.Create(0L, 2, 4, 6, 8, 10, 12, 14);
    private static readonly Vector512<long> OddIndex = Vector512.Create(1L, 3, 5, 7, 9, 11, 13, 15);
    private static readonly Vector512<long> LowInterleave = Vector512.Create(0L, 8, 1, 9, 2, 10, 3, 11);
    private static readonly Vector512<long> HighInterleave = Vector512.Create(4L, 12, 5, 13, 6, 14, 7, 15);
    private static readonly Vector512<long> Reverse = Vector512.Create(7L, 6, 5, 4, 3, 2, 1, 0);

    /// <summary>zr[j] = x[2j], zi[j] = x[2j + 1] for j &lt; pairs.</summary>
    public static int Deinterleave(ReadOnlySpan<double> x, Span<double> zr, Span<double> zi, int pairs)
    {
        int j = 0;
        if (Avx512F.IsSupported)
        {
            ref double xs = ref MemoryMarshal.GetReference(x);
            ref double r = ref MemoryMarshal.GetReference(zr), i = ref MemoryMarshal.GetReference(zi);
            for (; j + 8 <= pairs; j += 8)
            {
                var low = Vector512.LoadUnsafe(ref xs, (nuint)(2 * j));
                var high = Vector512.LoadUnsafe(ref xs, (nuint)(2 * j + 8));
                Avx512F.PermuteVar8x64x2(low, EvenIndex, high).StoreUnsafe(ref r, (nuint)j);
                Avx512F.PermuteVar8x64x2(low, OddIndex, high).StoreUnsafe(ref i, (nuint)j);
            }
        }
        for (; j < pairs; j++) { zr[j] = x[2 * j]; zi[j] = x[2 * j + 1]; }
        return pairs;
    }

    /// <summary>x[2j] = zr[j] scale, x[2j + 1] = zi[j] scale for j &lt; m.</summary>
    public static void Interleave(ReadOnlySpan<double> zr, ReadOnlySpan<double> zi, Span<double> x, int m, double scale)
    {
        int j = 0;
        if (Avx512F.IsSupported)
        {
            ref double xs = ref MemoryMarshal.GetReference(x);
            ref double r = ref MemoryMarshal.GetReference(zr), i = ref MemoryMarshal.GetReference(zi);
            var factor = Vector512.Create(scale);
            for (; j + 8 <= m; j += 8)
            {
                var re = Vector512.LoadUnsafe(ref r, (nuint)j) * factor;
                var im = Vector512.LoadUnsafe(ref i, (nuint)j) * factor;
                Avx512F.PermuteVar8x64x2(re, LowInterleave, im).StoreUnsafe(ref xs, (nuint)(2 * j));
                Avx512F.PermuteVar8x64x2(re, HighInterleave, im).StoreUnsafe(ref xs, (nuint)(2 * j + 8));
            }
        }
        for (; j < m; j++) { x[2 * j] = zr[j] * scale; x[2 * j + 1] = zi[j] * scale; }
    }

    /// <summary>
    /// For k in [1, m) in steps of 8 (the caller finishes the tail from the returned k): with a = Z[k], b = conj(Z[m - k]),
    /// e = (a + b)/2 and d = (a - b)/2, writes e - i w d with w = (cos, -sin) (forward: the real spectrum from the
    /// packed FFT) or e + i w d with w = (cos, sin) (inverse: the packed spectrum from the real one).
    /// </summary>
    public static int Combine(ReadOnlySpan<double> ar, ReadOnlySpan<double> ai, Span<double> outRe, Span<double> outIm,
        double[] cos, double[] sin, int m, bool forward)
    {
        int k = 1;
        if (Avx512F.IsSupported && m >= 16)
        {
            ref double pr = ref MemoryMarshal.GetReference(ar), pi = ref MemoryMarshal.GetReference(ai);
            ref double qr = ref MemoryMarshal.GetReference(outRe), qi = ref MemoryMarshal.GetReference(outIm);
            ref double cs = ref MemoryMarshal.GetArrayDataReference(cos), sn = ref MemoryMarshal.GetArrayDataReference(sin);
            var half = Vector512.Create(0.5);
            var sign = Vector512.Create(forward ? -1.0 : 1.0);
            for (; k + 8 <= m; k += 8)
            {
                var aR = Vector512.LoadUnsafe(ref pr, (nuint)k); var aI = Vector512.LoadUnsafe(ref pi, (nuint)k);
                nuint mirror = (nuint)(m - k - 7);
                var bR = Vector512.Shuffle(Vector512.LoadUnsafe(ref pr, mirror), Reverse);
                var bI = -Vector512.Shuffle(Vector512.LoadUnsafe(ref pi, mirror), Reverse);
                var eR = half * (aR + bR); var eI = half * (aI + bI);
                var dR = half * (aR - bR); var dI = half * (aI - bI);
                var c = Vector512.LoadUnsafe(ref cs, (nuint)k);
                var wS = forward ? -Vector512.LoadUnsafe(ref sn, (nuint)k) : Vector512.LoadUnsafe(ref sn, (nuint)k);
                var rR = dR * c - dI * wS; var rI = dR * wS + dI * c; // r = w d
                // out = e + sign * i * r  ->  (eR - sign rI, eI + sign rR)
                (eR - sign * rI).StoreUnsafe(ref qr, (nuint)k);
                (eI + sign * rR).StoreUnsafe(ref qi, (nuint)k);
            }
        }
        return k;
    }
}
