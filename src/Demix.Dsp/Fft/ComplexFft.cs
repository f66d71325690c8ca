using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Demix.Dsp.Fft;

/// <summary>
/// Forward complex FFT on split real/imaginary arrays (Stockham autosort, radix 4 with a final radix-2
/// stage when log2 of the length is odd): X[k] = sum_n x[n] exp(-2 pi i k n / L). Each stage picks the
/// widest kernel that fits its stride: AVX-512, Vector256, or scalar.
/// </summary>
internal static class ComplexFft
{
    /// <summary>The widest kernels this machine runs.</summary>
    public static FftKernels Best => UseAvx512 ? FftKernels.Avx512 : UseVector256 ? FftKernels.Vector256 : FftKernels.Scalar;

    private static readonly bool UseAvx512 = Avx512F.IsSupported && Vector512.IsHardwareAccelerated;
    private static readonly bool UseVector256 = Vector256.IsHardwareAccelerated;

    /// <summary>
    /// Transforms (re, im) in place, using (scratchRe, scratchIm) as the ping-pong buffer.
    /// Returns true when the result ended in the scratch buffers, false when it is in (re, im).
    /// All four spans have the plan's length.
    /// </summary>
    public static bool Forward(FftPlan plan, FftKernels kernels, Span<float> re, Span<float> im, Span<float> scratchRe, Span<float> scratchIm)
    {
        bool inScratch = false;
        foreach (FftStage stage in plan.Stages)
        {
            if (inScratch) RunStage(stage, kernels, scratchRe, scratchIm, re, im);
            else RunStage(stage, kernels, re, im, scratchRe, scratchIm);
            inScratch = !inScratch;
        }
        return inScratch;
    }

    private static void RunStage(FftStage stage, FftKernels kernels, ReadOnlySpan<float> xr, ReadOnlySpan<float> xi, Span<float> yr, Span<float> yi)
    {
        int s = stage.Stride, m = stage.M;
        if (kernels == FftKernels.Avx512)
        {
            if (s >= 16)
            {
                if (stage.Radix == 4) ComplexFftAvx512.Radix4WideStride(stage, xr, xi, yr, yi);
                else ComplexFftAvx512.Radix2WideStride(stage, xr, xi, yr, yi);
                return;
            }
            if (stage.Radix == 4 && s == 1 && m % 16 == 0)
            {
                ComplexFftAvx512.Radix4Stride1(stage, xr, xi, yr, yi);
                return;
            }
            if (stage.Radix == 4 && s == 4 && m % 4 == 0)
            {
                ComplexFftAvx512.Radix4Stride4(stage, xr, xi, yr, yi);
                return;
            }
        }
        else if (kernels == FftKernels.Vector256)
        {
            if (s >= 8)
            {
                if (stage.Radix == 4) ComplexFftVector256.Radix4WideStride(stage, xr, xi, yr, yi);
                else ComplexFftVector256.Radix2WideStride(stage, xr, xi, yr, yi);
                return;
            }
            if (Avx2.IsSupported && stage.Radix == 4 && s == 1 && m % 8 == 0)
            {
                ComplexFftVector256.Radix4Stride1(stage, xr, xi, yr, yi);
                return;
            }
            if (Avx2.IsSupported && stage.Radix == 4 && s == 4 && m % 2 == 0)
            {
                ComplexFftVector256.Radix4Stride4(stage, xr, xi, yr, yi);
                return;
            }
        }
        if (stage.Radix == 4) Radix4Scalar(stage, xr, xi, yr, yi);
        else Radix2Scalar(stage, xr, xi, yr, yi);
    }

    /// <summary>Reference radix-4 stage: y[q + s(4p + j)] from x[q + s(p + j m)].</summary>
    internal static void Radix4Scalar(FftStage stage, ReadOnlySpan<float> xr, ReadOnlySpan<float> xi, Span<float> yr, Span<float> yi)
    {
        int s = stage.Stride, m = stage.M;
        for (int p = 0; p < m; p++)
        {
            float w1r = stage.Cos[0][p], w1i = stage.Sin[0][p];
            float w2r = stage.Cos[1][p], w2i = stage.Sin[1][p];
            float w3r = stage.Cos[2][p], w3i = stage.Sin[2][p];
            for (int q = 0; q < s; q++)
            {
                int ia = q + s * p, ib = ia + s * m, ic = ib + s * m, id = ic + s * m;
                float apcR = xr[ia] + xr[ic], apcI = xi[ia] + xi[ic];
                float amcR = xr[ia] - xr[ic], amcI = xi[ia] - xi[ic];
                float bpdR = xr[ib] + xr[id], bpdI = xi[ib] + xi[id];
                float bmdR = xr[ib] - xr[id], bmdI = xi[ib] - xi[id];
                int o = q + s * 4 * p;
                yr[o] = apcR + bpdR;
                yi[o] = apcI + bpdI;
                // (amc - i bmd) * w1
                float t1r = amcR + bmdI, t1i = amcI - bmdR;
                yr[o + s] = t1r * w1r - t1i * w1i;
                yi[o + s] = t1r * w1i + t1i * w1r;
                float t2r = apcR - bpdR, t2i = apcI - bpdI;
                yr[o + 2 * s] = t2r * w2r - t2i * w2i;
                yi[o + 2 * s] = t2r * w2i + t2i * w2r;
                // (amc + i bmd) * w3
                float t3r = amcR - bmdI, t3i = amcI + bmdR;
                yr[o + 3 * s] = t3r * w3r - t3i * w3i;
                yi[o + 3 * s] = t3r * w3i + t3i * w3r;
            }
        }
    }

    /// <summary>Reference radix-2 stage: y[q + s(2p + j)] from x[q + s(p + j m)].</summary>
    internal static void Radix2Scalar(FftStage stage, ReadOnlySpan<float> xr, ReadOnlySpan<float> xi, Span<float> yr, Span<float> yi)
    {
        int s = stage.Stride, m = stage.M;
        for (int p = 0; p < m; p++)
        {
            float wr = stage.Cos[0][p], wi = stage.Sin[0][p];
            for (int q = 0; q < s; q++)
            {
                int ia = q + s * p, ib = ia + s * m, o = q + 2 * s * p;
                float ar = xr[ia], ai = xi[ia], br = xr[ib], bi = xi[ib];
                yr[o] = ar + br;
                yi[o] = ai + bi;
                float dr = ar - br, di = ai - bi;
                yr[o + s] = dr * wr - di * wi;
                yi[o + s] = dr * wi + di * wr;
            }
        }
    }
}

/// <summary>Which SIMD kernels a transform uses (tests force the narrower ones).</summary>
internal enum FftKernels
{
    Scalar,
    Vector256,
    Avx512,
}
