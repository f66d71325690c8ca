using Demix.Separation.Methods.Repet;
using MathNet.Numerics.LinearAlgebra;

namespace Demix.Separation.Tests.Methods;

/// <summary>
/// RpcaModel's mask rule (vocals = |S| &gt; |L| on the channel-mean magnitude) on either the fast
/// <see cref="Demix.Separation.Methods.Rpca.InexactAlmRpca"/> or <see cref="ReferenceInexactAlmRpca"/> (when
/// <c>reference</c> is true), keeping the last mask and decomposition so the two can be compared.
/// </summary>
internal sealed class RecordingRpcaModel(bool reference) : IVocalMaskModel
{
    /// <summary>The last vocal mask, [frame][bin].</summary>
    public float[][] LastMask { get; private set; } = [];

    /// <summary>The last decomposition.</summary>
    public Demix.Separation.Methods.Rpca.RpcaDecomposition? Last { get; private set; }

    /// <inheritdoc />
    public float[][][] VocalMasks(float[][][] magnitudes, int sampleRate, int fftSize)
    {
        int frames = magnitudes[0].Length, bins = magnitudes[0][0].Length;
        Matrix<double> m = Matrix<double>.Build.Dense(bins, frames, (f, t) => magnitudes.Average(c => (double)c[t][f]));
        double lambda = 1 / Math.Sqrt(Math.Max(bins, frames));
        var result = reference
            ? ReferenceInexactAlmRpca.Decompose(m, lambda)
            : Demix.Separation.Methods.Rpca.InexactAlmRpca.Decompose(m, lambda);
        Last = result;
        LastMask = new float[frames][];
        for (int t = 0; t < frames; t++)
        {
            LastMask[t] = new float[bins];
            for (int f = 0; f < bins; f++) LastMask[t][f] = Math.Abs(result.Sparse[f, t]) > Math.Abs(result.LowRank[f, t]) ? 1f : 0f;
        }
        return [.. magnitudes.Select(_ => LastMask)];
    }
}
