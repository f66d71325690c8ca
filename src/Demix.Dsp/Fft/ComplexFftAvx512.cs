using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Demix.Dsp.Fft;

/// <summary>
/// AVX-512 Stockham stages (16 floats per vector). Wide strides (s &gt;= 16) vectorise over q with
/// broadcast twiddles; stride 1 vectorises over p and interleaves the four outputs with two-source
/// permutes; stride 4 vectorises over (p, q) and transposes 128-bit lanes.
/// </summary>
internal static class ComplexFftAvx512
{
    private static readonly Vector512<int> ZipLow = Vector512.Create(0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
    private static readonly Vector512<int> ZipHigh = Vector512.Create(8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Butterfly4(
        Vector512<float> ar, Vector512<float> ai, Vector512<float> br, Vector512<float> bi,
        Vector512<float> cr, Vector512<float> ci, Vector512<float> dr, Vector512<float> di,
        out Vector512<float> y0r, out Vector512<float> y0i, out Vector512<float> t1r, out Vector512<float> t1i,
        out Vector512<float> t2r, out Vector512<float> t2i, out Vector512<float> t3r, out Vector512<float> t3i)
    {
        Vector512<float> apcR = ar + cr, apcI = ai + ci, amcR = ar - cr, amcI = ai - ci;
        Vector512<float> bpdR = br + dr, bpdI = bi + di, bmdR = br - dr, bmdI = bi - di;
        y0r = apcR + bpdR;
        y0i = apcI + bpdI;
        t1r = amcR + bmdI;
        t1i = amcI - bmdR;
        t2r = apcR - bpdR;
        t2i = apcI - bpdI;
        t3r = amcR - bmdI;
        t3i = amcI + bmdR;
    }

    /// <summary>(xr + i xi) * (wr + i wi).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Rotate(ref Vector512<float> xr, ref Vector512<float> xi, Vector512<float> wr, Vector512<float> wi)
    {
        Vector512<float> r = Avx512F.FusedMultiplySubtract(xr, wr, xi * wi);
        xi = Avx512F.FusedMultiplyAdd(xr, wi, xi * wr);
        xr = r;
    }

    public static void Radix4WideStride(FftStage stage, ReadOnlySpan<float> xr, ReadOnlySpan<float> xi, Span<float> yr, Span<float> yi)
    {
        int s = stage.Stride, m = stage.M, sm = s * m;
        ref float xR = ref MemoryMarshal.GetReference(xr), xI = ref MemoryMarshal.GetReference(xi);
        ref float yR = ref MemoryMarshal.GetReference(yr), yI = ref MemoryMarshal.GetReference(yi);
        for (int p = 0; p < m; p++)
        {
            var w1r = Vector512.Create(stage.Cos[0][p]); var w1i = Vector512.Create(stage.Sin[0][p]);
            var w2r = Vector512.Create(stage.Cos[1][p]); var w2i = Vector512.Create(stage.Sin[1][p]);
            var w3r = Vector512.Create(stage.Cos[2][p]); var w3i = Vector512.Create(stage.Sin[2][p]);
            for (int q = 0; q < s; q += 16)
            {
                nuint ia = (nuint)(q + s * p), ib = ia + (nuint)sm, ic = ib + (nuint)sm, id = ic + (nuint)sm;
                Butterfly4(
                    Vector512.LoadUnsafe(ref xR, ia), Vector512.LoadUnsafe(ref xI, ia),
                    Vector512.LoadUnsafe(ref xR, ib), Vector512.LoadUnsafe(ref xI, ib),
                    Vector512.LoadUnsafe(ref xR, ic), Vector512.LoadUnsafe(ref xI, ic),
                    Vector512.LoadUnsafe(ref xR, id), Vector512.LoadUnsafe(ref xI, id),
                    out var y0r, out var y0i, out var y1r, out var y1i, out var y2r, out var y2i, out var y3r, out var y3i);
                Rotate(ref y1r, ref y1i, w1r, w1i);
                Rotate(ref y2r, ref y2i, w2r, w2i);
                Rotate(ref y3r, ref y3i, w3r, w3i);
                nuint o = (nuint)(q + 4 * s * p), ss = (nuint)s;
                y0r.StoreUnsafe(ref yR, o); y0i.StoreUnsafe(ref yI, o);
                y1r.StoreUnsafe(ref yR, o + ss); y1i.StoreUnsafe(ref yI, o + ss);
                y2r.StoreUnsafe(ref yR, o + 2 * ss); y2i.StoreUnsafe(ref yI, o + 2 * ss);
                y3r.StoreUnsafe(ref yR, o + 3 * ss); y3i.StoreUnsafe(ref yI, o + 3 * ss);
            }
        }
    }

    public static void Radix2WideStride(FftStage stage, ReadOnlySpan<float> xr, ReadOnlySpan<float> xi, Span<float> yr, Span<float> yi)
    {
        int s = stage.Stride, m = stage.M, sm = s * m;
        ref float xR = ref MemoryMarshal.GetReference(xr), xI = ref MemoryMarshal.GetReference(xi);
        ref float yR = ref MemoryMarshal.GetReference(yr), yI = ref MemoryMarshal.GetReference(yi);
        for (int p = 0; p < m; p++)
        {
            var wr = Vector512.Create(stage.Cos[0][p]); var wi = Vector512.Create(stage.Sin[0][p]);
            for (int q = 0; q < s; q += 16)
            {
                nuint ia = (nuint)(q + s * p), ib = ia + (nuint)sm, o = (nuint)(q + 2 * s * p);
                var ar = Vector512.LoadUnsafe(ref xR, ia); var ai = Vector512.LoadUnsafe(ref xI, ia);
                var br = Vector512.LoadUnsafe(ref xR, ib); var bi = Vector512.LoadUnsafe(ref xI, ib);
                (ar + br).StoreUnsafe(ref yR, o);
                (ai + bi).StoreUnsafe(ref yI, o);
                Vector512<float> dr = ar - br, di = ai - bi;
                Rotate(ref dr, ref di, wr, wi);
                dr.StoreUnsafe(ref yR, o + (nuint)s);
                di.StoreUnsafe(ref yI, o + (nuint)s);
            }
        }
    }

    /// <summary>Stride 1, m a multiple of 16: vectorise over p; output y[4p + j] needs a 4-way interleave.</summary>
    public static void Radix4Stride1(FftStage stage, ReadOnlySpan<float> xr, ReadOnlySpan<float> xi, Span<float> yr, Span<float> yi)
    {
        int m = stage.M;
        ref float xR = ref MemoryMarshal.GetReference(xr), xI = ref MemoryMarshal.GetReference(xi);
        ref float yR = ref MemoryMarshal.GetReference(yr), yI = ref MemoryMarshal.GetReference(yi);
        ref float c1 = ref stage.Cos[0][0], s1 = ref stage.Sin[0][0];
        ref float c2 = ref stage.Cos[1][0], s2 = ref stage.Sin[1][0];
        ref float c3 = ref stage.Cos[2][0], s3 = ref stage.Sin[2][0];
        for (int p = 0; p < m; p += 16)
        {
            nuint ia = (nuint)p, ib = ia + (nuint)m, ic = ib + (nuint)m, id = ic + (nuint)m;
            Butterfly4(
                Vector512.LoadUnsafe(ref xR, ia), Vector512.LoadUnsafe(ref xI, ia),
                Vector512.LoadUnsafe(ref xR, ib), Vector512.LoadUnsafe(ref xI, ib),
                Vector512.LoadUnsafe(ref xR, ic), Vector512.LoadUnsafe(ref xI, ic),
                Vector512.LoadUnsafe(ref xR, id), Vector512.LoadUnsafe(ref xI, id),
                out var y0r, out var y0i, out var y1r, out var y1i, out var y2r, out var y2i, out var y3r, out var y3i);
            Rotate(ref y1r, ref y1i, Vector512.LoadUnsafe(ref c1, ia), Vector512.LoadUnsafe(ref s1, ia));
            Rotate(ref y2r, ref y2i, Vector512.LoadUnsafe(ref c2, ia), Vector512.LoadUnsafe(ref s2, ia));
            Rotate(ref y3r, ref y3i, Vector512.LoadUnsafe(ref c3, ia), Vector512.LoadUnsafe(ref s3, ia));
            nuint o = (nuint)(4 * p);
            Interleave4Store(y0r, y1r, y2r, y3r, ref yR, o);
            Interleave4Store(y0i, y1i, y2i, y3i, ref yI, o);
        }
    }

    /// <summary>Stores out[o + 4i + j] = yj[i] for i &lt; 16.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Interleave4Store(Vector512<float> y0, Vector512<float> y1, Vector512<float> y2, Vector512<float> y3, ref float destination, nuint offset)
    {
        Vector512<float> pLow = Avx512F.PermuteVar16x32x2(y0, ZipLow, y2), pHigh = Avx512F.PermuteVar16x32x2(y0, ZipHigh, y2);
        Vector512<float> qLow = Avx512F.PermuteVar16x32x2(y1, ZipLow, y3), qHigh = Avx512F.PermuteVar16x32x2(y1, ZipHigh, y3);
        Avx512F.PermuteVar16x32x2(pLow, ZipLow, qLow).StoreUnsafe(ref destination, offset);
        Avx512F.PermuteVar16x32x2(pLow, ZipHigh, qLow).StoreUnsafe(ref destination, offset + 16);
        Avx512F.PermuteVar16x32x2(pHigh, ZipLow, qHigh).StoreUnsafe(ref destination, offset + 32);
        Avx512F.PermuteVar16x32x2(pHigh, ZipHigh, qHigh).StoreUnsafe(ref destination, offset + 48);
    }

    /// <summary>Stride 4: vectorise over u = 4p + q (four p per vector); output y[16p + 4j + q] is a 128-bit lane transpose.</summary>
    public static void Radix4Stride4(FftStage stage, ReadOnlySpan<float> xr, ReadOnlySpan<float> xi, Span<float> yr, Span<float> yi)
    {
        int sm = 4 * stage.M;
        ref float xR = ref MemoryMarshal.GetReference(xr), xI = ref MemoryMarshal.GetReference(xi);
        ref float yR = ref MemoryMarshal.GetReference(yr), yI = ref MemoryMarshal.GetReference(yi);
        ref float c1 = ref stage.CosExpanded[0][0], s1 = ref stage.SinExpanded[0][0];
        ref float c2 = ref stage.CosExpanded[1][0], s2 = ref stage.SinExpanded[1][0];
        ref float c3 = ref stage.CosExpanded[2][0], s3 = ref stage.SinExpanded[2][0];
        for (int u = 0; u < sm; u += 16)
        {
            nuint ia = (nuint)u, ib = ia + (nuint)sm, ic = ib + (nuint)sm, id = ic + (nuint)sm;
            Butterfly4(
                Vector512.LoadUnsafe(ref xR, ia), Vector512.LoadUnsafe(ref xI, ia),
                Vector512.LoadUnsafe(ref xR, ib), Vector512.LoadUnsafe(ref xI, ib),
                Vector512.LoadUnsafe(ref xR, ic), Vector512.LoadUnsafe(ref xI, ic),
                Vector512.LoadUnsafe(ref xR, id), Vector512.LoadUnsafe(ref xI, id),
                out var y0r, out var y0i, out var y1r, out var y1i, out var y2r, out var y2i, out var y3r, out var y3i);
            Rotate(ref y1r, ref y1i, Vector512.LoadUnsafe(ref c1, ia), Vector512.LoadUnsafe(ref s1, ia));
            Rotate(ref y2r, ref y2i, Vector512.LoadUnsafe(ref c2, ia), Vector512.LoadUnsafe(ref s2, ia));
            Rotate(ref y3r, ref y3i, Vector512.LoadUnsafe(ref c3, ia), Vector512.LoadUnsafe(ref s3, ia));
            nuint o = (nuint)(4 * u);
            TransposeLanesStore(y0r, y1r, y2r, y3r, ref yR, o);
            TransposeLanesStore(y0i, y1i, y2i, y3i, ref yI, o);
        }
    }

    /// <summary>Stores lane l of y0..y3 as [y0_l, y1_l, y2_l, y3_l] at offset + 16 l (lanes are 4 floats).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TransposeLanesStore(Vector512<float> y0, Vector512<float> y1, Vector512<float> y2, Vector512<float> y3, ref float destination, nuint offset)
    {
        Vector512<float> t0 = Avx512F.Shuffle4x128(y0, y1, 0x44), t1 = Avx512F.Shuffle4x128(y2, y3, 0x44);
        Vector512<float> t2 = Avx512F.Shuffle4x128(y0, y1, 0xEE), t3 = Avx512F.Shuffle4x128(y2, y3, 0xEE);
        Avx512F.Shuffle4x128(t0, t1, 0x88).StoreUnsafe(ref destination, offset);
        Avx512F.Shuffle4x128(t0, t1, 0xDD).StoreUnsafe(ref destination, offset + 16);
        Avx512F.Shuffle4x128(t2, t3, 0x88).StoreUnsafe(ref destination, offset + 32);
        Avx512F.Shuffle4x128(t2, t3, 0xDD).StoreUnsafe(ref destination, offset + 48);
    }
}
