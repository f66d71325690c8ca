using Demix.Separation.Methods.Repet;
using MathNet.Numerics.LinearAlgebra;

namespace Demix.Separation.Methods.Rpca;

/// <summary>
/// Huang et al.'s RPCA mask: the channel-mean magnitude spectrogram M (bins x frames) = L (low rank: the repeating
/// accompaniment) + S (sparse: the voice); vocal mask = 1 where |S| &gt; gain |L|, else 0, the same for every channel.
/// </summary>
public sealed class RpcaModel(RpcaOptions options) : IVocalMaskModel
{
    /// <summary>ALM iterations used on the last track.</summary>
    public int LastIterations { get; private set; }

    /// <inheritdoc />
    public float[][][] VocalMasks(float[][][] magnitudes, int sampleRate, int fftSize)
    {
        ArgumentNullException.ThrowIfNull(magnitudes);
        int frames = magnitudes[0].Length, bins = magnitudes[0][0].Length;
        Matrix<double> m = Matrix<double>.Build.Dense(bins, frames, (f, t) => magnitudes.Average(c => (double)c[t][f]));
        double lambda = options.LambdaScale / Math.Sqrt(Math.Max(bins, frames));
        RpcaDecomposition result = InexactAlmRpca.Decompose(m, lambda, options.Tolerance, options.MaxIterations);
        LastIterations = result.Iterations;
        var mask = new float[frames][];
        for (int t = 0; t < frames; t++)
        {
            mask[t] = new float[bins];
            for (int f = 0; f < bins; f++)
                mask[t][f] = Math.Abs(result.Sparse[f, t]) > options.Gain * Math.Abs(result.LowRank[f, t]) ? 1f : 0f;
        }
        return [.. magnitudes.Select(_ => mask)];
    }
}
