using Demix.Evaluation.Fourier;

namespace Demix.Evaluation.BssEval;

/// <summary>
/// Sums the cross-spectra X_p conj(Y_q) of FFT blocks for the <see cref="CorrelationBank"/>; one instance per
/// worker thread. X is the x-role spectrum (block extended by L-1 samples on both sides), Y the y-role
/// spectrum (the block alone).
/// </summary>
internal sealed class CorrelationAccumulator
{
    private readonly RealFft fft;
    private readonly RealFftBuffers buffers;
    private readonly int referenceCount, estimateCount, bins;
    private readonly double[] segment;
    private readonly double[][] xRe, xIm, yRe, yIm;   // per channel: refs x-role; refs then estimates y-role
    private readonly double[][] accRe, accIm;         // ref-ref pairs (p <= q) at p * K + q, then ref-est at K*K + p * E + e

    /// <summary>Empty sums for K reference and E estimate channels.</summary>
    public CorrelationAccumulator(RealFft fft, int referenceCount, int estimateCount)
    {
        this.fft = fft;
        this.referenceCount = referenceCount;
        this.estimateCount = estimateCount;
        bins = fft.BinCount;
        buffers = new RealFftBuffers(fft.Length);
        segment = new double[fft.Length];
        xRe = Allocate(referenceCount); xIm = Allocate(referenceCount);
        yRe = Allocate(referenceCount + estimateCount); yIm = Allocate(referenceCount + estimateCount);
        int pairs = referenceCount * referenceCount + referenceCount * estimateCount;
        accRe = Allocate(pairs); accIm = Allocate(pairs);
    }

    private double[][] Allocate(int count)
    {
        var arrays = new double[count][];
        for (int i = 0; i < count; i++) arrays[i] = new double[bins];
        return arrays;
    }

    /// <summary>Adds the block [blockStart, blockStart + blockLength) of the range [start, start + length).</summary>
    public void AddBlock(double[][] references, double[][] estimates, int start, int length, int blockStart, int blockLength, int filterLength)
    {
        int pad = filterLength - 1;
        for (int p = 0; p < referenceCount; p++)
        {
            Transform(references[p], start, length, blockStart - pad, blockLength + 2 * pad, xRe[p], xIm[p]);
            Transform(references[p], start, length, blockStart, blockLength, yRe[p], yIm[p]);
        }
        for (int e = 0; e < estimateCount; e++)
            Transform(estimates[e], start, length, blockStart, blockLength, yRe[referenceCount + e], yIm[referenceCount + e]);
        for (int p = 0; p < referenceCount; p++)
        {
            for (int q = p; q < referenceCount; q++)
                SpectralMath.AccumulateConjugateProduct(xRe[p], xIm[p], yRe[q], yIm[q], accRe[p * referenceCount + q], accIm[p * referenceCount + q]);
            for (int e = 0; e < estimateCount; e++)
            {
                int slot = referenceCount * referenceCount + p * estimateCount + e;
                SpectralMath.AccumulateConjugateProduct(xRe[p], xIm[p], yRe[referenceCount + e], yIm[referenceCount + e], accRe[slot], accIm[slot]);
            }
        }
    }

    /// <summary>FFT of signal[start + from, start + from + count), with zeros outside [start, start + length).</summary>
    private void Transform(double[] signal, int start, int length, int from, int count, double[] re, double[] im)
    {
        Array.Clear(segment);
        int lo = Math.Max(from, 0), hi = Math.Min(from + count, length);
        if (hi > lo) Array.Copy(signal, start + lo, segment, lo - from, hi - lo);
        fft.Forward(segment, re, im, buffers);
    }

    /// <summary>Adds another worker's sums into this one.</summary>
    public void Add(CorrelationAccumulator other)
    {
        for (int i = 0; i < accRe.Length; i++)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(accRe[i], other.accRe[i], accRe[i]);
            System.Numerics.Tensors.TensorPrimitives.Add(accIm[i], other.accIm[i], accIm[i]);
        }
    }

    /// <summary>Inverse FFTs of the sums: reference lags [-(L-1), L-1] and estimate delays [0, L).</summary>
    public (double[][] ReferenceLags, double[][] EstimateLags) ToLags(int filterLength)
    {
        var referenceLags = new double[referenceCount * referenceCount][];
        var estimateLags = new double[referenceCount * estimateCount][];
        var circular = new double[fft.Length];
        for (int p = 0; p < referenceCount; p++)
        {
            for (int q = p; q < referenceCount; q++)
            {
                fft.Inverse(accRe[p * referenceCount + q], accIm[p * referenceCount + q], circular, buffers);
                referenceLags[p * referenceCount + q] = circular.AsSpan(0, 2 * filterLength - 1).ToArray();
            }
            for (int e = 0; e < estimateCount; e++)
            {
                int slot = referenceCount * referenceCount + p * estimateCount + e;
                fft.Inverse(accRe[slot], accIm[slot], circular, buffers);
                var delays = new double[filterLength];
                for (int a = 0; a < filterLength; a++) delays[a] = circular[filterLength - 1 - a];
                estimateLags[p * estimateCount + e] = delays;
            }
        }
        return (referenceLags, estimateLags);
    }
}
