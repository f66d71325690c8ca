using Demix.Separation.Methods.Rpca;
using MathNet.Numerics.LinearAlgebra;

namespace Demix.Separation.Tests.Methods;


/// <summary>
/// The RPCA implementation before the fast one (commit 1a626bd), kept as the reference the fast
/// <see cref="InexactAlmRpca"/> is checked against: full MathNet eigendecomposition of the Gram matrix in every iteration.
/// Robust PCA by the inexact augmented Lagrange multiplier method (Lin, Chen and Ma 2010, Algorithm 5):
/// minimise ||L||_* + lambda ||S||_1 subject to M = L + S. The singular value thresholding is done through the
/// eigendecomposition of the smaller Gram matrix (MathNet.Numerics), L = M' V diag(max(s - tau, 0) / s) V^T with
/// M' = M - S + Y / mu, which needs neither U nor a full SVD.
/// </summary>
internal static class ReferenceInexactAlmRpca
{
    /// <summary>Decomposes <paramref name="m"/> (m x n).</summary>
    public static RpcaDecomposition Decompose(Matrix<double> m, double lambda, double tolerance = 1e-7, int maxIterations = 100)
    {
        ArgumentNullException.ThrowIfNull(m);
        double norm2 = Math.Sqrt(Math.Max(LargestEigenvalue(Gram(m)), 1e-300));
        double normInf = m.Enumerate().Max(Math.Abs) / lambda;
        double normF = Math.Max(m.FrobeniusNorm(), 1e-300);
        Matrix<double> y = m / Math.Max(norm2, normInf);
        double mu = 1.25 / norm2, muMax = mu * 1e7;
        const double Rho = 1.5;
        Matrix<double> s = Matrix<double>.Build.Dense(m.RowCount, m.ColumnCount), l = s.Clone();
        int iteration = 0;
        while (iteration++ < maxIterations)
        {
            l = SingularValueThreshold(m - s + y / mu, 1 / mu);
            Matrix<double> t = m - l + y / mu;
            double shrink = lambda / mu;
            s = t.Map(x => Math.Sign(x) * Math.Max(Math.Abs(x) - shrink, 0));
            Matrix<double> z = m - l - s;
            y += mu * z;
            mu = Math.Min(mu * Rho, muMax);
            if (z.FrobeniusNorm() / normF < tolerance) break;
        }
        return new RpcaDecomposition(l, s, Math.Min(iteration, maxIterations));
    }

    /// <summary>U diag(max(s - tau, 0)) V^T of <paramref name="a"/>.</summary>
    public static Matrix<double> SingularValueThreshold(Matrix<double> a, double tau)
    {
        ArgumentNullException.ThrowIfNull(a);
        bool tall = a.RowCount >= a.ColumnCount;
        var evd = Gram(a).Evd(Symmetricity.Symmetric);
        Vector<double> eigenvalues = evd.EigenValues.Map(c => c.Real);
        Matrix<double> v = evd.EigenVectors;
        var gains = eigenvalues.Map(e => { double sigma = Math.Sqrt(Math.Max(e, 0)); return sigma > tau ? (sigma - tau) / sigma : 0; });
        int[] kept = [.. Enumerable.Range(0, gains.Count).Where(i => gains[i] > 0)];
        if (kept.Length == 0) return Matrix<double>.Build.Dense(a.RowCount, a.ColumnCount);
        Matrix<double> vk = Matrix<double>.Build.DenseOfColumnVectors(kept.Select(v.Column));
        Matrix<double> projector = vk * Matrix<double>.Build.DiagonalOfDiagonalArray([.. kept.Select(i => gains[i])]) * vk.Transpose();
        return tall ? a * projector : projector * a;
    }

    private static Matrix<double> Gram(Matrix<double> a) => a.RowCount >= a.ColumnCount ? a.TransposeThisAndMultiply(a) : a.TransposeAndMultiply(a);

    private static double LargestEigenvalue(Matrix<double> symmetric) =>
        symmetric.Evd(Symmetricity.Symmetric).EigenValues.Max(c => c.Real);
}
