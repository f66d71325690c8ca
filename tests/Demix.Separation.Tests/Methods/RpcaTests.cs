using Demix.Separation.Methods.Rpca;
using MathNet.Numerics.LinearAlgebra;

namespace Demix.Separation.Tests.Methods;

/// <summary>Inexact-ALM robust PCA on a matrix built as low rank + sparse.</summary>
public sealed class RpcaTests
{
    [Fact]
    public void Recovers_a_rank_two_matrix_and_sparse_spikes()
    {
        var random = new Random(5);
        const int Rows = 60, Columns = 50;
        Matrix<double> u = Matrix<double>.Build.Dense(Rows, 2, (_, _) => random.NextDouble() - 0.5);
        Matrix<double> v = Matrix<double>.Build.Dense(2, Columns, (_, _) => random.NextDouble() - 0.5);
        Matrix<double> lowRank = u * v * 4;
        Matrix<double> sparse = Matrix<double>.Build.Dense(Rows, Columns);
        for (int k = 0; k < Rows * Columns / 20; k++) sparse[random.Next(Rows), random.Next(Columns)] = random.NextDouble() < 0.5 ? -3 : 3;
        RpcaDecomposition result = InexactAlmRpca.Decompose(lowRank + sparse, 1 / Math.Sqrt(Math.Max(Rows, Columns)));
        Assert.True((result.LowRank - lowRank).FrobeniusNorm() / lowRank.FrobeniusNorm() < 1e-3, "low-rank part not recovered");
        Assert.True((result.Sparse - sparse).FrobeniusNorm() / sparse.FrobeniusNorm() < 1e-3, "sparse part not recovered");
        Assert.True(result.Iterations < 100);
    }

    [Fact]
    public void Singular_value_threshold_shrinks_each_singular_value()
    {
        var random = new Random(9);
        Matrix<double> a = Matrix<double>.Build.Dense(12, 7, (_, _) => random.NextDouble() - 0.5);
        var svd = a.Svd();
        double tau = svd.S[2];
        Matrix<double> thresholded = InexactAlmRpca.SingularValueThreshold(a, tau);
        var shrunk = thresholded.Svd().S;
        for (int i = 0; i < 7; i++) Assert.Equal(Math.Max(svd.S[i] - tau, 0), shrunk[i], 1e-9);
        Assert.Equal(Math.Max(svd.S[0] - tau, 0), InexactAlmRpca.SingularValueThreshold(a.Transpose(), tau).Svd().S[0], 1e-9);
    }
}
