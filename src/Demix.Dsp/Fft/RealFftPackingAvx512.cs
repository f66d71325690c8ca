using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Demix.Dsp.Fft;

/// <summary>AVX-512 versions of the <see cref="RealFftPacking"/> passes (16 floats per vector); each returns how many elements it handled.</summary>
internal static class RealFftPackingAvx512
{
    private static readonly Vector512<int> Evens = Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
    private static readonly Vector512<int> Odds = Vector512.Create(1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31);
    private static readonly Vector512<int> ZipLow = Vector512.Create(0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
    private static readonly Vector512<int> ZipHigh = Vector512.Create(8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31);
    private static readonly Vector512<int> Reversed = Vector512.Create(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);

    /// <summary>re[m] = x[2m], im[m] = x[2m+1] for whole vectors; returns the count of m done.</summary>
    public static int Deinterleave(ReadOnlySpan<float> x, Span<float> re, Span<float> im)
    {
        ref float source = ref MemoryMarshal.GetReference(x);
        ref float r = ref MemoryMarshal.GetReference(re), i = ref MemoryMarshal.GetReference(im);
        int m = 0;
        for (; m + 16 <= re.Length; m += 16)
        {
            var low = Vector512.LoadUnsafe(ref source, (nuint)(2 * m));
            var high = Vector512.LoadUnsafe(ref source, (nuint)(2 * m + 16));
            Avx512F.PermuteVar16x32x2(low, Evens, high).StoreUnsafe(ref r, (nuint)m);
            Avx512F.PermuteVar16x32x2(low, Odds, high).StoreUnsafe(ref i, (nuint)m);
        }
        return m;
    }

    /// <summary>x[2m] = re[m], x[2m+1] = -im[m] for whole vectors; returns the count of m done.</summary>
    public static int InterleaveConjugated(ReadOnlySpan<float> re, ReadOnlySpan<float> im, Span<float> x)
    {
        ref float r = ref MemoryMarshal.GetReference(re), i = ref MemoryMarshal.GetReference(im);
        ref float destination = ref MemoryMarshal.GetReference(x);
        int m = 0;
        for (; m + 16 <= re.Length; m += 16)
        {
            var real = Vector512.LoadUnsafe(ref r, (nuint)m);
            var negatedImag = -Vector512.LoadUnsafe(ref i, (nuint)m);
            Avx512F.PermuteVar16x32x2(real, ZipLow, negatedImag).StoreUnsafe(ref destination, (nuint)(2 * m));
            Avx512F.PermuteVar16x32x2(real, ZipHigh, negatedImag).StoreUnsafe(ref destination, (nuint)(2 * m + 16));
        }
        return m;
    }

    /// <summary>The split pass for k = 1 .. (returned value - 1), pairing k with M - k by reversed loads.</summary>
    public static int SplitSpectrum(ReadOnlySpan<float> zr, ReadOnlySpan<float> zi, float[] wr, float[] wi, Span<float> xr, Span<float> xi)
    {
        int m = zr.Length, k = 1;
        ref float zR = ref MemoryMarshal.GetReference(zr), zI = ref MemoryMarshal.GetReference(zi);
        ref float xR = ref MemoryMarshal.GetReference(xr), xI = ref MemoryMarshal.GetReference(xi);
        var half = Vector512.Create(0.5f);
        for (; k + 16 <= m; k += 16)
        {
            nuint at = (nuint)k, mirror = (nuint)(m - k - 15);
            var a = Vector512.LoadUnsafe(ref zR, at); var b = Vector512.LoadUnsafe(ref zI, at);
            var c = Avx512F.PermuteVar16x32(Vector512.LoadUnsafe(ref zR, mirror), Reversed);
            var d = Avx512F.PermuteVar16x32(Vector512.LoadUnsafe(ref zI, mirror), Reversed);
            var er = half * (a + c); var ei = half * (b - d);
            var or = half * (b + d); var oi = half * (c - a);
            var cos = Vector512.LoadUnsafe(ref wr[0], at); var sin = Vector512.LoadUnsafe(ref wi[0], at);
            Avx512F.FusedMultiplyAdd(cos, or, Avx512F.FusedMultiplyAddNegated(sin, oi, er)).StoreUnsafe(ref xR, at);
            Avx512F.FusedMultiplyAdd(cos, oi, Avx512F.FusedMultiplyAdd(sin, or, ei)).StoreUnsafe(ref xI, at);
        }
        return k;
    }

    /// <summary>The merge pass for k = 1 .. (returned value - 1); see <see cref="RealFftPacking.MergeSpectrumConjugated"/>.</summary>
    public static int MergeSpectrumConjugated(ReadOnlySpan<float> xr, ReadOnlySpan<float> xi, float[] wr, float[] wi, float scale, Span<float> zr, Span<float> zi)
    {
        int m = zr.Length, k = 1;
        ref float xR = ref MemoryMarshal.GetReference(xr), xI = ref MemoryMarshal.GetReference(xi);
        ref float zR = ref MemoryMarshal.GetReference(zr), zI = ref MemoryMarshal.GetReference(zi);
        var h = Vector512.Create(0.5f * scale);
        for (; k + 16 <= m; k += 16)
        {
            nuint at = (nuint)k, mirror = (nuint)(m - k - 15);
            var a = Vector512.LoadUnsafe(ref xR, at); var b = Vector512.LoadUnsafe(ref xI, at);
            var c = Avx512F.PermuteVar16x32(Vector512.LoadUnsafe(ref xR, mirror), Reversed);
            var d = Avx512F.PermuteVar16x32(Vector512.LoadUnsafe(ref xI, mirror), Reversed);
            var er = a + c; var ei = b - d; var dr = a - c; var di = b + d;
            var cos = Vector512.LoadUnsafe(ref wr[0], at); var sin = Vector512.LoadUnsafe(ref wi[0], at);
            var or = Avx512F.FusedMultiplyAdd(dr, cos, di * sin);
            var oi = Avx512F.FusedMultiplySubtract(di, cos, dr * sin);
            (h * (er - oi)).StoreUnsafe(ref zR, at);
            (-h * (ei + or)).StoreUnsafe(ref zI, at);
        }
        return k;
    }
}
