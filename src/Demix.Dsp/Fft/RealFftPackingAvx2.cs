using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Demix.Dsp.Fft;

/// <summary>AVX2 versions of the <see cref="RealFftPacking"/> passes (8 floats per vector); each returns how many elements it handled.</summary>
internal static class RealFftPackingAvx2
{
    private static readonly Vector256<int> Reversed = Vector256.Create(7, 6, 5, 4, 3, 2, 1, 0);

    /// <summary>re[m] = x[2m], im[m] = x[2m+1] for whole vectors; returns the count of m done.</summary>
    public static int Deinterleave(ReadOnlySpan<float> x, Span<float> re, Span<float> im)
    {
        ref float source = ref MemoryMarshal.GetReference(x);
        ref float r = ref MemoryMarshal.GetReference(re), i = ref MemoryMarshal.GetReference(im);
        int m = 0;
        for (; m + 8 <= re.Length; m += 8)
        {
            var low = Vector256.LoadUnsafe(ref source, (nuint)(2 * m));
            var high = Vector256.LoadUnsafe(ref source, (nuint)(2 * m + 8));
            // In-lane shuffles give [l0 l2 h0 h2 | l4 l6 h4 h6]; the 64-bit permute puts the halves in order.
            var evens = Avx.Shuffle(low, high, 0b10_00_10_00).AsDouble();
            var odds = Avx.Shuffle(low, high, 0b11_01_11_01).AsDouble();
            Avx2.Permute4x64(evens, 0b11_01_10_00).AsSingle().StoreUnsafe(ref r, (nuint)m);
            Avx2.Permute4x64(odds, 0b11_01_10_00).AsSingle().StoreUnsafe(ref i, (nuint)m);
        }
        return m;
    }

    /// <summary>x[2m] = re[m], x[2m+1] = -im[m] for whole vectors; returns the count of m done.</summary>
    public static int InterleaveConjugated(ReadOnlySpan<float> re, ReadOnlySpan<float> im, Span<float> x)
    {
        ref float r = ref MemoryMarshal.GetReference(re), i = ref MemoryMarshal.GetReference(im);
        ref float destination = ref MemoryMarshal.GetReference(x);
        int m = 0;
        for (; m + 8 <= re.Length; m += 8)
        {
            var real = Vector256.LoadUnsafe(ref r, (nuint)m);
            var negatedImag = -Vector256.LoadUnsafe(ref i, (nuint)m);
            Vector256<float> unpackLow = Avx.UnpackLow(real, negatedImag), unpackHigh = Avx.UnpackHigh(real, negatedImag);
            Avx.Permute2x128(unpackLow, unpackHigh, 0x20).StoreUnsafe(ref destination, (nuint)(2 * m));
            Avx.Permute2x128(unpackLow, unpackHigh, 0x31).StoreUnsafe(ref destination, (nuint)(2 * m + 8));
        }
        return m;
    }

    /// <summary>The split pass for k = 1 .. (returned value - 1), pairing k with M - k by reversed loads.</summary>
    public static int SplitSpectrum(ReadOnlySpan<float> zr, ReadOnlySpan<float> zi, float[] wr, float[] wi, Span<float> xr, Span<float> xi)
    {
        int m = zr.Length, k = 1;
        ref float zR = ref MemoryMarshal.GetReference(zr), zI = ref MemoryMarshal.GetReference(zi);
        ref float xR = ref MemoryMarshal.GetReference(xr), xI = ref MemoryMarshal.GetReference(xi);
        var half = Vector256.Create(0.5f);
        for (; k + 8 <= m; k += 8)
        {
            nuint at = (nuint)k, mirror = (nuint)(m - k - 7);
            var a = Vector256.LoadUnsafe(ref zR, at); var b = Vector256.LoadUnsafe(ref zI, at);
            var c = Avx2.PermuteVar8x32(Vector256.LoadUnsafe(ref zR, mirror), Reversed);
            var d = Avx2.PermuteVar8x32(Vector256.LoadUnsafe(ref zI, mirror), Reversed);
            var er = half * (a + c); var ei = half * (b - d);
            var or = half * (b + d); var oi = half * (c - a);
            var cos = Vector256.LoadUnsafe(ref wr[0], at); var sin = Vector256.LoadUnsafe(ref wi[0], at);
            (er + cos * or - sin * oi).StoreUnsafe(ref xR, at);
            (ei + cos * oi + sin * or).StoreUnsafe(ref xI, at);
        }
        return k;
    }

    /// <summary>The merge pass for k = 1 .. (returned value - 1); see <see cref="RealFftPacking.MergeSpectrumConjugated"/>.</summary>
    public static int MergeSpectrumConjugated(ReadOnlySpan<float> xr, ReadOnlySpan<float> xi, float[] wr, float[] wi, float scale, Span<float> zr, Span<float> zi)
    {
        int m = zr.Length, k = 1;
        ref float xR = ref MemoryMarshal.GetReference(xr), xI = ref MemoryMarshal.GetReference(xi);
        ref float zR = ref MemoryMarshal.GetReference(zr), zI = ref MemoryMarshal.GetReference(zi);
        var h = Vector256.Create(0.5f * scale);
        for (; k + 8 <= m; k += 8)
        {
            nuint at = (nuint)k, mirror = (nuint)(m - k - 7);
            var a = Vector256.LoadUnsafe(ref xR, at); var b = Vector256.LoadUnsafe(ref xI, at);
            var c = Avx2.PermuteVar8x32(Vector256.LoadUnsafe(ref xR, mirror), Reversed);
            var d = Avx2.PermuteVar8x32(Vector256.LoadUnsafe(ref xI, mirror), Reversed);
            var er = a + c; var ei = b - d; var dr = a - c; var di = b + d;
            var cos = Vector256.LoadUnsafe(ref wr[0], at); var sin = Vector256.LoadUnsafe(ref wi[0], at);
            var or = dr * cos + di * sin;
            var oi = di * cos - dr * sin;
            (h * (er - oi)).StoreUnsafe(ref zR, at);
            (-h * (ei + or)).StoreUnsafe(ref zI, at);
        }
        return k;
    }
}
