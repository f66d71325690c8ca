using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Demix.Evaluation.Fourier;

/// <summary>
/// Two Stockham radix-2 stages fused into one radix-4 pass over the data (half the memory traffic). For the
/// current sub-transform length N = n / stride and p in [0, N/4), with x_k = x[q + stride (p + k N/4)]:
/// t0 = x0 + x2, t1 = x0 - x2, t2 = x1 + x3, t3 = -i (x1 - x3), and
/// y[q + stride (4p + 0..3)] = t0 + t2, (t1 + t3) w^p, (t0 - t2) w^2p, (t1 - t3) w^3p with w = exp(-2 pi i / N).
/// Vectorised along q (stride &gt;= 8 for Vector512, &gt;= 4 for Vector256).
/// </summary>
internal static class Radix4Stage
{
    /// <summary>One radix-4 pass; <paramref name="cos"/>/<paramref name="sin"/> hold cos and -sin of 2 pi j / n for j in [0, n).</summary>
    public static void Run(ReadOnlySpan<double> xr, ReadOnlySpan<double> xi, Span<double> yr, Span<double> yi,
        int n, int stride, double[] cos, double[] sin)
    {
        int quarter = n / 4; // = stride * N/4
        ref double xrR = ref MemoryMarshal.GetReference(xr), xiR = ref MemoryMarshal.GetReference(xi);
        ref double yrR = ref MemoryMarshal.GetReference(yr), yiR = ref MemoryMarshal.GetReference(yi);
        int butterflies = quarter / stride;
        for (int p = 0; p < butterflies; p++)
        {
            int j = p * stride;
            var w = new Twiddles(cos[j], sin[j], cos[2 * j], sin[2 * j], cos[3 * j], sin[3 * j]);
            nuint input = (nuint)(stride * p), output = (nuint)(4 * stride * p);
            if (Vector512.IsHardwareAccelerated && stride >= 8)
                for (nuint q = 0; q < (nuint)stride; q += 8) Butterfly512(ref xrR, ref xiR, ref yrR, ref yiR, input + q, output + q, (nuint)quarter, (nuint)stride, w);
            else if (Vector256.IsHardwareAccelerated && stride >= 4)
                for (nuint q = 0; q < (nuint)stride; q += 4) Butterfly256(ref xrR, ref xiR, ref yrR, ref yiR, input + q, output + q, (nuint)quarter, (nuint)stride, w);
            else
                for (nuint q = 0; q < (nuint)stride; q++) ButterflyScalar(xr, xi, yr, yi, (int)(input + q), (int)(output + q), quarter, stride, w);
        }
    }

    private readonly record struct Twiddles(double C1, double S1, double C2, double S2, double C3, double S3);

    private static void Butterfly512(ref double xrR, ref double xiR, ref double yrR, ref double yiR, nuint i, nuint o, nuint quarter, nuint stride, Twiddles w)
    {
        var x0r = Vector512.LoadUnsafe(ref xrR, i); var x0i = Vector512.LoadUnsafe(ref xiR, i);
        var x1r = Vector512.LoadUnsafe(ref xrR, i + quarter); var x1i = Vector512.LoadUnsafe(ref xiR, i + quarter);
        var x2r = Vector512.LoadUnsafe(ref xrR, i + 2 * quarter); var x2i = Vector512.LoadUnsafe(ref xiR, i + 2 * quarter);
        var x3r = Vector512.LoadUnsafe(ref xrR, i + 3 * quarter); var x3i = Vector512.LoadUnsafe(ref xiR, i + 3 * quarter);
        var t0r = x0r + x2r; var t0i = x0i + x2i; var t1r = x0r - x2r; var t1i = x0i - x2i;
        var t2r = x1r + x3r; var t2i = x1i + x3i; var t3r = x1i - x3i; var t3i = x3r - x1r; // -i (x1 - x3)
        (t0r + t2r).StoreUnsafe(ref yrR, o); (t0i + t2i).StoreUnsafe(ref yiR, o);
        Rotate512(t1r + t3r, t1i + t3i, w.C1, w.S1, ref yrR, ref yiR, o + stride);
        Rotate512(t0r - t2r, t0i - t2i, w.C2, w.S2, ref yrR, ref yiR, o + 2 * stride);
        Rotate512(t1r - t3r, t1i - t3i, w.C3, w.S3, ref yrR, ref yiR, o + 3 * stride);
    }

    private static void Rotate512(Vector512<double> ar, Vector512<double> ai, double c, double s, ref double yrR, ref double yiR, nuint o)
    {
        var cv = Vector512.Create(c); var sv = Vector512.Create(s);
        (ar * cv - ai * sv).StoreUnsafe(ref yrR, o);
        (ar * sv + ai * cv).StoreUnsafe(ref yiR, o);
    }

    private static void Butterfly256(ref double xrR, ref double xiR, ref double yrR, ref double yiR, nuint i, nuint o, nuint quarter, nuint stride, Twiddles w)
    {
        var x0r = Vector256.LoadUnsafe(ref xrR, i); var x0i = Vector256.LoadUnsafe(ref xiR, i);
        var x1r = Vector256.LoadUnsafe(ref xrR, i + quarter); var x1i = Vector256.LoadUnsafe(ref xiR, i + quarter);
        var x2r = Vector256.LoadUnsafe(ref xrR, i + 2 * quarter); var x2i = Vector256.LoadUnsafe(ref xiR, i + 2 * quarter);
        var x3r = Vector256.LoadUnsafe(ref xrR, i + 3 * quarter); var x3i = Vector256.LoadUnsafe(ref xiR, i + 3 * quarter);
        var t0r = x0r + x2r; var t0i = x0i + x2i; var t1r = x0r - x2r; var t1i = x0i - x2i;
        var t2r = x1r + x3r; var t2i = x1i + x3i; var t3r = x1i - x3i; var t3i = x3r - x1r;
        (t0r + t2r).StoreUnsafe(ref yrR, o); (t0i + t2i).StoreUnsafe(ref yiR, o);
        Rotate256(t1r + t3r, t1i + t3i, w.C1, w.S1, ref yrR, ref yiR, o + stride);
        Rotate256(t0r - t2r, t0i - t2i, w.C2, w.S2, ref yrR, ref yiR, o + 2 * stride);
        Rotate256(t1r - t3r, t1i - t3i, w.C3, w.S3, ref yrR, ref yiR, o + 3 * stride);
    }

    private static void Rotate256(Vector256<double> ar, Vector256<double> ai, double c, double s, ref double yrR, ref double yiR, nuint o)
    {
        var cv = Vector256.Create(c); var sv = Vector256.Create(s);
        (ar * cv - ai * sv).StoreUnsafe(ref yrR, o);
        (ar * sv + ai * cv).StoreUnsafe(ref yiR, o);
    }

    private static void ButterflyScalar(ReadOnlySpan<double> xr, ReadOnlySpan<double> xi, Span<double> yr, Span<double> yi, int i, int o, int quarter, int stride, Twiddles w)
    {
        double x0r = xr[i], x0i = xi[i], x1r = xr[i + quarter], x1i = xi[i + quarter];
        double x2r = xr[i + 2 * quarter], x2i = xi[i + 2 * quarter], x3r = xr[i + 3 * quarter], x3i = xi[i + 3 * quarter];
        double t0r = x0r + x2r, t0i = x0i + x2i, t1r = x0r - x2r, t1i = x0i - x2i;
        double t2r = x1r + x3r, t2i = x1i + x3i, t3r = x1i - x3i, t3i = x3r - x1r;
        yr[o] = t0r + t2r; yi[o] = t0i + t2i;
        double ar = t1r + t3r, ai = t1i + t3i;
        yr[o + stride] = ar * w.C1 - ai * w.S1; yi[o + stride] = ar * w.S1 + ai * w.C1;
        ar = t0r - t2r; ai = t0i - t2i;
        yr[o + 2 * stride] = ar * w.C2 - ai * w.S2; yi[o + 2 * stride] = ar * w.S2 + ai * w.C2;
        ar = t1r - t3r; ai = t1i - t3i;
        yr[o + 3 * stride] = ar * w.C3 - ai * w.S3; yi[o + 3 * stride] = ar * w.S3 + ai * w.C3;
    }
}
