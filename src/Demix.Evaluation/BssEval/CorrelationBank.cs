using Demix.Evaluation.Fourier;

namespace Demix.Evaluation.BssEval;

/// <summary>
/// Linear correlations over one sample range, the raw material of the distortion filters:
/// <list type="bullet">
/// <item>reference x reference: <c>r_pq[k] = sum_n x_p[n + k] x_q[n]</c> for lags k in [-(L-1), L-1], p &lt;= q;</item>
/// <item>reference x estimate: <c>d_pe[a] = sum_n x_p[n - a] e[n]</c> for delays a in [0, L).</item>
/// </list>
/// Signals are cut to the range and zero outside it (as museval's zero padding). Computed with FFTs of a fixed
/// size over blocks of the range: each block's x-role spectrum covers the block plus L-1 samples either side,
/// so products summed over blocks give the exact linear correlations without FFTs of the whole track.
/// </summary>
internal sealed class CorrelationBank
{
    private readonly double[][] referenceLags; // [p * K + q] for q >= p: 2L - 1 values, index k + L - 1
    private readonly double[][] estimateLags;  // [p * E + e]: L values, index a

    private CorrelationBank(int filterLength, int referenceCount, int estimateCount, double[][] referenceLags, double[][] estimateLags)
    {
        FilterLength = filterLength;
        ReferenceCount = referenceCount;
        EstimateCount = estimateCount;
        this.referenceLags = referenceLags;
        this.estimateLags = estimateLags;
    }

    /// <summary>Number of filter taps L.</summary>
    public int FilterLength { get; }

    /// <summary>Number of reference channels K.</summary>
    public int ReferenceCount { get; }

    /// <summary>Number of estimate channels E.</summary>
    public int EstimateCount { get; }

    /// <summary>&lt;x_p delayed by a, x_q delayed by b&gt; = r_pq[b - a].</summary>
    public double Gram(int p, int a, int q, int b)
    {
        return p <= q
            ? referenceLags[p * ReferenceCount + q][b - a + FilterLength - 1]
            : referenceLags[q * ReferenceCount + p][a - b + FilterLength - 1];
    }

    /// <summary>&lt;x_p delayed by a, e&gt; for delays a in [0, L).</summary>
    public ReadOnlySpan<double> EstimateCorrelation(int p, int e) => estimateLags[p * EstimateCount + e];

    /// <summary>Correlates every reference channel with every reference and estimate channel over [start, start + length).</summary>
    /// <param name="references">Reference channels, [K][samples].</param>
    /// <param name="estimates">Estimate channels, [E][samples].</param>
    public static CorrelationBank Compute(double[][] references, double[][] estimates, int start, int length, int filterLength)
    {
        int k = references.Length, e = estimates.Length, overlap = 2 * (filterLength - 1);
        int fftSize = SpectralMath.NextPowerOfTwo(Math.Min(length, 8192 - overlap) + overlap);
        var fft = new RealFft(fftSize);
        int blockLength = fftSize - overlap, blocks = (length + blockLength - 1) / blockLength;
        int workers = Math.Max(1, Math.Min(Environment.ProcessorCount, blocks));
        var partial = new CorrelationAccumulator[workers];
        Parallel.For(0, workers, w =>
        {
            var accumulator = new CorrelationAccumulator(fft, k, e);
            for (int b = w; b < blocks; b += workers)
            {
                int blockStart = b * blockLength;
                accumulator.AddBlock(references, estimates, start, length, blockStart, Math.Min(blockLength, length - blockStart), filterLength);
            }
            partial[w] = accumulator;
        });
        for (int w = 1; w < workers; w++) partial[0].Add(partial[w]);
        var (referenceLags, estimateLags) = partial[0].ToLags(filterLength);
        return new CorrelationBank(filterLength, k, e, referenceLags, estimateLags);
    }
}
