using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Demix.Dsp.Fft;

/// <summary>
/// Vector256 Stockham stages (used when AVX-512 is absent): portable kernels for strides of at least 8,
/// and AVX2 kernels for strides 1 and 4 (interleaving with in-lane unpacks and 128-bit lane permutes).
/// </summary>
internal static class ComplexFftVector256
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Rotate(ref Vector256<float> xr, ref Vector256<float> xi, Vector256<float> wr, Vector256<float> wi)
    {
        Vector256<float> r = xr * wr - xi * wi;
        xi = xr * wi + xi * wr;
        xr = r;
    }

    public static void Radix4WideStride(FftStage stage, ReadOnlySpan<float> xr, ReadOnlySpan<float> xi, Span<float> yr, Span<float> yi)
    {
        int s = stage.Stride, m = stage.M;
        nuint sm = (nuint)(s * m), ss = (nuint)s;
        ref float xR = ref MemoryMarshal.GetReference(xr), xI = ref MemoryMarshal.GetReference(xi);
        ref float yR = ref MemoryMarshal.GetReference(yr), yI = ref MemoryMarshal.GetReference(yi);
        for (int p = 0; p < m; p++)
        {
            var w1r = Vector256.Create(stage.Cos[0][p]); var w1i = Vector256.Create(stage.Sin[0][p]);
            var w2r = Vector256.Create(stage.Cos[1][p]); var w2i = Vector256.Create(stage.Sin[1][p]);
            var w3r = Vector256.Create(stage.Cos[2][p]); var w3i = Vector256.Create(stage.Sin[2][p]);
            for (int q = 0; q < s; q += 8)
            {
                nuint ia = (nuint)(q + s * p), ib = ia + sm, ic = ib + sm, id = ic + sm;
                var ar = Vector256.LoadUnsafe(ref xR, ia); var ai = Vector256.LoadUnsafe(ref xI, ia);
                var br = Vector256.LoadUnsafe(ref xR, ib); var bi = Vector256.LoadUnsafe(ref xI, ib);
                var cr = Vector256.LoadUnsafe(ref xR, ic); var ci = Vector256.LoadUnsafe(ref xI, ic);
                var dr = Vector256.LoadUnsafe(ref xR, id); var di = Vector256.LoadUnsafe(ref xI, id);
                Vector256<float> apcR = ar + cr, apcI = ai + ci, amcR = ar - cr, amcI = ai - ci;
                Vector256<float> bpdR = br + dr, bpdI = bi + di, bmdR = br - dr, bmdI = bi - di;
                Vector256<float> t1r = amcR + bmdI, t1i = amcI - bmdR, t2r = apcR - bpdR, t2i = apcI - bpdI;
                Vector256<float> t3r = amcR - bmdI, t3i = amcI + bmdR;
                Rotate(ref t1r, ref t1i, w1r, w1i);
                Rotate(ref t2r, ref t2i, w2r, w2i);
                Rotate(ref t3r, ref t3i, w3r, w3i);
                nuint o = (nuint)(q + 4 * s * p);
                (apcR + bpdR).StoreUnsafe(ref yR, o); (apcI + bpdI).StoreUnsafe(ref yI, o);
                t1r.StoreUnsafe(ref yR, o + ss); t1i.StoreUnsafe(ref yI, o + ss);
                t2r.StoreUnsafe(ref yR, o + 2 * ss); t2i.StoreUnsafe(ref yI, o + 2 * ss);
                t3r.StoreUnsafe(ref yR, o + 3 * ss); t3i.StoreUnsafe(ref yI, o + 3 * ss);
            }
        }
    }

    public static void Radix2WideStride(FftStage stage, ReadOnlySpan<float> xr, ReadOnlySpan<float> xi, Span<float> yr, Span<float> yi)
    {
        int s = stage.Stride, m = stage.M;
        ref float xR = ref MemoryMarshal.GetReference(xr), xI = ref MemoryMarshal.GetReference(xi);
        ref float yR = ref MemoryMarshal.GetReference(yr), yI = ref MemoryMarshal.GetReference(yi);
        for (int p = 0; p < m; p++)
        {
            var wr = Vector256.Create(stage.Cos[0][p]); var wi = Vector256.Create(stage.Sin[0][p]);
            for (int q = 0; q < s; q += 8)
            {
                nuint ia = (nuint)(q + s * p), ib = ia + (nuint)(s * m), o = (nuint)(q + 2 * s * p);
                var ar = Vector256.LoadUnsafe(ref xR, ia); var ai = Vector256.LoadUnsafe(ref xI, ia);
                var br = Vector256.LoadUnsafe(ref xR, ib); var bi = Vector256.LoadUnsafe(ref xI, ib);
                (ar + br).StoreUnsafe(ref yR, o);
                (ai + bi).StoreUnsafe(ref yI, o);
                Vector256<float> dr = ar - br, di = ai - bi;
                Rotate(ref dr, ref di, wr, wi);
                dr.StoreUnsafe(ref yR, o + (nuint)s);
                di.StoreUnsafe(ref yI, o + (nuint)s);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Butterfly4(
        Vector256<float> ar, Vector256<float> ai, Vector256<float> br, Vector256<float> bi,
        Vector256<float> cr, Vector256<float> ci, Vector256<float> dr, Vector256<float> di,
        out Vector256<float> y0r, out Vector256<float> y0i, out Vector256<float> t1r, out Vector256<float> t1i,
        out Vector256<float> t2r, out Vector256<float> t2i, out Vector256<float> t3r, out Vector256<float> t3i)
    {
        Vector256<float> apcR = ar + cr, apcI = ai + ci, amcR = ar - cr, amcI = ai - ci;
        Vector256<float> bpdR = br + dr, bpdI = bi + di, bmdR = br - dr, bmdI = bi - di;
        y0r = apcR + bpdR;
        y0i = apcI + bpdI;
        t1r = amcR + bmdI;
        t1i = amcI - bmdR;
        t2r = apcR - bpdR;
        t2i = apcI - bpdI;
        t3r = amcR - bmdI;
        t3i = amcI + bmdR;
    }

    /// <summary>Stride 1, m a multiple of 8 (AVX2): vectorise over p; output y[4p + j] is a 4-way interleave.</summary>
    public static void Radix4Stride1(FftStage stage, ReadOnlySpan<float> xr, ReadOnlySpan<float> xi, Span<float> yr, Span<float> yi)
    {
        int m = stage.M;
        ref float xR = ref MemoryMarshal.GetReference(xr), xI = ref MemoryMarshal.GetReference(xi);
        ref float yR = ref MemoryMarshal.GetReference(yr), yI = ref MemoryMarshal.GetReference(yi);
        for (int p = 0; p < m; p += 8)
        {
            nuint ia = (nuint)p, ib = ia + (nuint)m, ic = ib + (nuint)m, id = ic + (nuint)m;
            Butterfly4(
                Vector256.LoadUnsafe(ref xR, ia), Vector256.LoadUnsafe(ref xI, ia),
                Vector256.LoadUnsafe(ref xR, ib), Vector256.LoadUnsafe(ref xI, ib),
                Vector256.LoadUnsafe(ref xR, ic), Vector256.LoadUnsafe(ref xI, ic),
                Vector256.LoadUnsafe(ref xR, id), Vector256.LoadUnsafe(ref xI, id),
                out var y0r, out var y0i, out var y1r, out var y1i, out var y2r, out var y2i, out var y3r, out var y3i);
            Rotate(ref y1r, ref y1i, Vector256.LoadUnsafe(ref stage.Cos[0][0], ia), Vector256.LoadUnsafe(ref stage.Sin[0][0], ia));
            Rotate(ref y2r, ref y2i, Vector256.LoadUnsafe(ref stage.Cos[1][0], ia), Vector256.LoadUnsafe(ref stage.Sin[1][0], ia));
            Rotate(ref y3r, ref y3i, Vector256.LoadUnsafe(ref stage.Cos[2][0], ia), Vector256.LoadUnsafe(ref stage.Sin[2][0], ia));
            Interleave4Store(y0r, y1r, y2r, y3r, ref yR, (nuint)(4 * p));
            Interleave4Store(y0i, y1i, y2i, y3i, ref yI, (nuint)(4 * p));
        }
    }

    /// <summary>Stores out[offset + 4i + j] = yj[i] for i &lt; 8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Interleave4Store(Vector256<float> y0, Vector256<float> y1, Vector256<float> y2, Vector256<float> y3, ref float destination, nuint offset)
    {
        Zip(y0, y2, out var pLow, out var pHigh);
        Zip(y1, y3, out var qLow, out var qHigh);
        Zip(pLow, qLow, out var out0, out var out1);
        Zip(pHigh, qHigh, out var out2, out var out3);
        out0.StoreUnsafe(ref destination, offset);
        out1.StoreUnsafe(ref destination, offset + 8);
        out2.StoreUnsafe(ref destination, offset + 16);
        out3.StoreUnsafe(ref destination, offset + 24);
    }

    /// <summary>low = [a0, b0, a1, b1, a2, b2, a3, b3], high = the same for elements 4..7.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Zip(Vector256<float> a, Vector256<float> b, out Vector256<float> low, out Vector256<float> high)
    {
        Vector256<float> unpackLow = Avx.UnpackLow(a, b), unpackHigh = Avx.UnpackHigh(a, b);
        low = Avx.Permute2x128(unpackLow, unpackHigh, 0x20);
        high = Avx.Permute2x128(unpackLow, unpackHigh, 0x31);
    }

    /// <summary>Stride 4 (AVX2): vectorise over u = 4p + q (two p per vector); output y[16p + 4j + q] swaps 128-bit lanes.</summary>
    public static void Radix4Stride4(FftStage stage, ReadOnlySpan<float> xr, ReadOnlySpan<float> xi, Span<float> yr, Span<float> yi)
    {
        int sm = 4 * stage.M;
        ref float xR = ref MemoryMarshal.GetReference(xr), xI = ref MemoryMarshal.GetReference(xi);
        ref float yR = ref MemoryMarshal.GetReference(yr), yI = ref MemoryMarshal.GetReference(yi);
        for (int u = 0; u < sm; u += 8)
        {
            nuint ia = (nuint)u, ib = ia + (nuint)sm, ic = ib + (nuint)sm, id = ic + (nuint)sm;
            Butterfly4(
                Vector256.LoadUnsafe(ref xR, ia), Vector256.LoadUnsafe(ref xI, ia),
                Vector256.LoadUnsafe(ref xR, ib), Vector256.LoadUnsafe(ref xI, ib),
                Vector256.LoadUnsafe(ref xR, ic), Vector256.LoadUnsafe(ref xI, ic),
                Vector256.LoadUnsafe(ref xR, id), Vector256.LoadUnsafe(ref xI, id),
                out var y0r, out var y0i, out var y1r, out var y1i, out var y2r, out var y2i, out var y3r, out var y3i);
            Rotate(ref y1r, ref y1i, Vector256.LoadUnsafe(ref stage.CosExpanded[0][0], ia), Vector256.LoadUnsafe(ref stage.SinExpanded[0][0], ia));
            Rotate(ref y2r, ref y2i, Vector256.LoadUnsafe(ref stage.CosExpanded[1][0], ia), Vector256.LoadUnsafe(ref stage.SinExpanded[1][0], ia));
            Rotate(ref y3r, ref y3i, Vector256.LoadUnsafe(ref stage.CosExpanded[2][0], ia), Vector256.LoadUnsafe(ref stage.SinExpanded[2][0], ia));
            TransposeLanesStore(y0r, y1r, y2r, y3r, ref yR, (nuint)(4 * u));
            TransposeLanesStore(y0i, y1i, y2i, y3i, ref yI, (nuint)(4 * u));
        }
    }

    /// <summary>Lane l of y0..y3 (p = 2 u0 / 8 + l) goes to [y0_l, y1_l, y2_l, y3_l] at offset + 16 l.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TransposeLanesStore(Vector256<float> y0, Vector256<float> y1, Vector256<float> y2, Vector256<float> y3, ref float destination, nuint offset)
    {
        Avx.Permute2x128(y0, y1, 0x20).StoreUnsafe(ref destination, offset);
        Avx.Permute2x128(y2, y3, 0x20).StoreUnsafe(ref destination, offset + 8);
        Avx.Permute2x128(y0, y1, 0x31).StoreUnsafe(ref destination, offset + 16);
        Avx.Permute2x128(y2, y3, 0x31).StoreUnsafe(ref destination, offset + 24);
    }
}
