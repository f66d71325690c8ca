using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Demix.Evaluation.Fourier;

/// <summary>Element-wise complex products on split spectra, vectorised (Vector512, Vector256, scalar tail).</summary>
internal static class SpectralMath
{
    /// <summary>acc += a * conj(b), element-wise over the common length.</summary>
    public static void AccumulateConjugateProduct(ReadOnlySpan<double> ar, ReadOnlySpan<double> ai,
        ReadOnlySpan<double> br, ReadOnlySpan<double> bi, Span<double> accR, Span<double> accI)
    {
        int n = accR.Length, k = 0;
        ref double arR = ref MemoryMarshal.GetReference(ar), aiR = ref MemoryMarshal.GetReference(ai);
        ref double brR = ref MemoryMarshal.GetReference(br), biR = ref MemoryMarshal.GetReference(bi);
        ref double cr = ref MemoryMarshal.GetReference(accR), ci = ref MemoryMarshal.GetReference(accI);
        if (Vector512.IsHardwareAccelerated)
        {
            for (; k + 8 <= n; k += 8)
            {
                nuint i = (nuint)k;
                var xr = Vector512.LoadUnsafe(ref arR, i); var xi = Vector512.LoadUnsafe(ref aiR, i);
                var yr = Vector512.LoadUnsafe(ref brR, i); var yi = Vector512.LoadUnsafe(ref biR, i);
                (Vector512.LoadUnsafe(ref cr, i) + xr * yr + xi * yi).StoreUnsafe(ref cr, i);
                (Vector512.LoadUnsafe(ref ci, i) + xi * yr - xr * yi).StoreUnsafe(ref ci, i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; k + 4 <= n; k += 4)
            {
                nuint i = (nuint)k;
                var xr = Vector256.LoadUnsafe(ref arR, i); var xi = Vector256.LoadUnsafe(ref aiR, i);
                var yr = Vector256.LoadUnsafe(ref brR, i); var yi = Vector256.LoadUnsafe(ref biR, i);
                (Vector256.LoadUnsafe(ref cr, i) + xr * yr + xi * yi).StoreUnsafe(ref cr, i);
                (Vector256.LoadUnsafe(ref ci, i) + xi * yr - xr * yi).StoreUnsafe(ref ci, i);
            }
        }
        for (; k < n; k++)
        {
            accR[k] += ar[k] * br[k] + ai[k] * bi[k];
            accI[k] += ai[k] * br[k] - ar[k] * bi[k];
        }
    }

    /// <summary>acc += a * b, element-wise over the common length.</summary>
    public static void AccumulateProduct(ReadOnlySpan<double> ar, ReadOnlySpan<double> ai,
        ReadOnlySpan<double> br, ReadOnlySpan<double> bi, Span<double> accR, Span<double> accI)
    {
        int n = accR.Length, k = 0;
        ref double arR = ref MemoryMarshal.GetReference(ar), aiR = ref MemoryMarshal.GetReference(ai);
        ref double brR = ref MemoryMarshal.GetReference(br), biR = ref MemoryMarshal.GetReference(bi);
        ref double cr = ref MemoryMarshal.GetReference(accR), ci = ref MemoryMarshal.GetReference(accI);
        if (Vector512.IsHardwareAccelerated)
        {
            for (; k + 8 <= n; k += 8)
            {
                nuint i = (nuint)k;
                var xr = Vector512.LoadUnsafe(ref arR, i); var xi = Vector512.LoadUnsafe(ref aiR, i);
                var yr = Vector512.LoadUnsafe(ref brR, i); var yi = Vector512.LoadUnsafe(ref biR, i);
                (Vector512.LoadUnsafe(ref cr, i) + xr * yr - xi * yi).StoreUnsafe(ref cr, i);
                (Vector512.LoadUnsafe(ref ci, i) + xr * yi + xi * yr).StoreUnsafe(ref ci, i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; k + 4 <= n; k += 4)
            {
                nuint i = (nuint)k;
                var xr = Vector256.LoadUnsafe(ref arR, i); var xi = Vector256.LoadUnsafe(ref aiR, i);
                var yr = Vector256.LoadUnsafe(ref brR, i); var yi = Vector256.LoadUnsafe(ref biR, i);
                (Vector256.LoadUnsafe(ref cr, i) + xr * yr - xi * yi).StoreUnsafe(ref cr, i);
                (Vector256.LoadUnsafe(ref ci, i) + xr * yi + xi * yr).StoreUnsafe(ref ci, i);
            }
        }
        for (; k < n; k++)
        {
            accR[k] += ar[k] * br[k] - ai[k] * bi[k];
            accI[k] += ar[k] * bi[k] + ai[k] * br[k];
        }
    }

    /// <summary>Smallest power of two that is at least <paramref name="value"/> (and at least 4).</summary>
    public static int NextPowerOfTwo(long value)
    {
        int size = 4;
        while (size < value) size <<= 1;
        return size;
    }
}
