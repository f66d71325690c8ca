using System.Runtime.Intrinsics.X86;

namespace Demix.Dsp.Fft;

/// <summary>
/// The passes that turn a real FFT of N points into a complex FFT of M = N/2 points and back:
/// z[m] = x[2m] + i x[2m+1]; X[k] = E[k] + W^k O[k] with E = (Z[k] + conj Z[M-k]) / 2,
/// O = (Z[k] - conj Z[M-k]) / (2i) and W = exp(-2 pi i / N). SIMD versions do the bulk; the scalar
/// loops here finish the tails (and everything with <see cref="FftKernels.Scalar"/>).
/// </summary>
internal static class RealFftPacking
{
    private static bool UseAvx2(FftKernels kernels) => kernels == FftKernels.Vector256 && Avx2.IsSupported;

    /// <summary>re[m] = x[2m], im[m] = x[2m+1].</summary>
    public static void Deinterleave(ReadOnlySpan<float> x, Span<float> re, Span<float> im, FftKernels kernels)
    {
        int m = kernels == FftKernels.Avx512 ? RealFftPackingAvx512.Deinterleave(x, re, im)
            : UseAvx2(kernels) ? RealFftPackingAvx2.Deinterleave(x, re, im) : 0;
        for (; m < re.Length; m++)
        {
            re[m] = x[2 * m];
            im[m] = x[2 * m + 1];
        }
    }

    /// <summary>x[2m] = re[m], x[2m+1] = -im[m] (the conjugation that ends an inverse FFT).</summary>
    public static void InterleaveConjugated(ReadOnlySpan<float> re, ReadOnlySpan<float> im, Span<float> x, FftKernels kernels)
    {
        int m = kernels == FftKernels.Avx512 ? RealFftPackingAvx512.InterleaveConjugated(re, im, x)
            : UseAvx2(kernels) ? RealFftPackingAvx2.InterleaveConjugated(re, im, x) : 0;
        for (; m < re.Length; m++)
        {
            x[2 * m] = re[m];
            x[2 * m + 1] = -im[m];
        }
    }

    /// <summary>From Z (M points) to the M+1 bins of the real spectrum. wr/wi hold W^k for k = 0..M.</summary>
    public static void SplitSpectrum(ReadOnlySpan<float> zr, ReadOnlySpan<float> zi, float[] wr, float[] wi, Span<float> xr, Span<float> xi, FftKernels kernels)
    {
        int m = zr.Length;
        xr[0] = zr[0] + zi[0];
        xi[0] = 0f;
        xr[m] = zr[0] - zi[0];
        xi[m] = 0f;
        int k = kernels == FftKernels.Avx512 ? RealFftPackingAvx512.SplitSpectrum(zr, zi, wr, wi, xr, xi)
            : UseAvx2(kernels) ? RealFftPackingAvx2.SplitSpectrum(zr, zi, wr, wi, xr, xi) : 1;
        for (; k < m; k++)
        {
            float a = zr[k], b = zi[k], c = zr[m - k], d = zi[m - k];
            float er = 0.5f * (a + c), ei = 0.5f * (b - d);
            float or = 0.5f * (b + d), oi = -0.5f * (a - c);
            xr[k] = er + wr[k] * or - wi[k] * oi;
            xi[k] = ei + wr[k] * oi + wi[k] * or;
        }
    }

    /// <summary>
    /// From the M+1 bins back to conj(Z) times <paramref name="scale"/>: E = (X[k] + conj X[M-k]) / 2,
    /// O = (X[k] - conj X[M-k]) conj(W^k) / 2, Z = E + i O.
    /// </summary>
    public static void MergeSpectrumConjugated(ReadOnlySpan<float> xr, ReadOnlySpan<float> xi, float[] wr, float[] wi, float scale, Span<float> zr, Span<float> zi, FftKernels kernels)
    {
        int m = zr.Length;
        float h = 0.5f * scale;
        zr[0] = h * (xr[0] + xr[m]);
        zi[0] = -h * (xr[0] - xr[m]);
        int k = kernels == FftKernels.Avx512 ? RealFftPackingAvx512.MergeSpectrumConjugated(xr, xi, wr, wi, scale, zr, zi)
            : UseAvx2(kernels) ? RealFftPackingAvx2.MergeSpectrumConjugated(xr, xi, wr, wi, scale, zr, zi) : 1;
        for (; k < m; k++)
        {
            float a = xr[k], b = xi[k], c = xr[m - k], d = xi[m - k];
            float er = a + c, ei = b - d, dr = a - c, di = b + d;
            float or = dr * wr[k] + di * wi[k], oi = di * wr[k] - dr * wi[k];
            zr[k] = h * (er - oi);
            zi[k] = -h * (ei + or);
        }
    }
}
