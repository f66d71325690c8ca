using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Demix.Dsp.Fft;

/// <summary>
/// Portable Vector256 Stockham stages for strides of at least 8 (used when AVX-512 is absent);
/// smaller strides fall back to the scalar stages.
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
}
