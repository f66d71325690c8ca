using MathNet.Numerics.LinearAlgebra;

namespace Demix.Separation.Methods.Rpca;

/// <summary>The result of <see cref="InexactAlmRpca.Decompose"/>: M = L + S (+ the residual), and the iterations used.</summary>
public sealed record RpcaDecomposition(Matrix<double> LowRank, Matrix<double> Sparse, int Iterations);

/// <summary>
/// Robust PCA by the inexact augmented Lagrange multiplier method (Lin, Chen and Ma 2010, Algorithm 5):
/// minimise ||L||_* + lambda ||S||_1 subject to M = L + S, with their parameters (mu0 = 1.25 / ||M||_2, rho = 1.5,
/// mu capped at 1e7 mu0, Y0 = M / max(||M||_2, ||M||_inf / lambda)). A wide M is solved as its transpose (the problem is
/// the same), so the singular value thresholding (<see cref="SingularValueThresholder"/>) always works on the smaller
/// Gram matrix and computes only the singular values above the threshold, as Lin et al.'s code does with a partial SVD.
/// </summary>
public static class InexactAlmRpca
{
    private const double Rho = 1.5;

    /// <summary>Decomposes <paramref name="m"/> (m x n).</summary>
    /// <param name="seed">Seeds the random start vectors of the eigenpair searches (the result does not depend on it beyond
    /// the search tolerance).</param>
    public static RpcaDecomposition Decompose(Matrix<double> m, double lambda, double tolerance = 1e-7, int maxIterations = 100, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(m);
        bool wide = m.RowCount < m.ColumnCount;
        int rows = Math.Max(m.RowCount, m.ColumnCount), cols = Math.Min(m.RowCount, m.ColumnCount);
        double[] data = wide ? m.Transpose().ToColumnMajorArray() : m.ToColumnMajorArray();
        var (low, sparse, iterations) = Solve(data, rows, cols, lambda, tolerance, maxIterations, new Random(seed));
        Matrix<double> l = Matrix<double>.Build.Dense(rows, cols, low), s = Matrix<double>.Build.Dense(rows, cols, sparse);
        return wide ? new RpcaDecomposition(l.Transpose(), s.Transpose(), iterations) : new RpcaDecomposition(l, s, iterations);
    }

    /// <summary>U diag(max(s - tau, 0)) V^T of <paramref name="a"/>.</summary>
    public static Matrix<double> SingularValueThreshold(Matrix<double> a, double tau, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(a);
        bool wide = a.RowCount < a.ColumnCount;
        int rows = Math.Max(a.RowCount, a.ColumnCount), cols = Math.Min(a.RowCount, a.ColumnCount);
        var result = new double[rows * cols];
        new SingularValueThresholder(rows, cols, new Random(seed)).Apply(wide ? a.Transpose().ToColumnMajorArray() : a.ToColumnMajorArray(), tau, result);
        Matrix<double> thresholded = Matrix<double>.Build.Dense(rows, cols, result);
        return wide ? thresholded.Transpose() : thresholded;
    }

    /// <summary>The ALM loop on a tall column-major m [rows, cols]: (L, S, iterations).</summary>
    private static (double[] Low, double[] Sparse, int Iterations) Solve(
        double[] m, int rows, int cols, double lambda, double tolerance, int maxIterations, Random random)
    {
        var thresholder = new SingularValueThresholder(rows, cols, random);
        double norm2 = Math.Max(thresholder.Norm2(m), 1e-150);
        double normInf = m.Max(Math.Abs) / lambda;
        double normF = Math.Max(Math.Sqrt(m.Sum(x => x * x)), 1e-300);
        double scale = 1 / Math.Max(norm2, normInf);
        double[] y = [.. m.Select(x => x * scale)], s = new double[m.Length], l = new double[m.Length], work = new double[m.Length];
        double mu = 1.25 / norm2, muMax = mu * 1e7;
        int iteration = 0;
        while (iteration++ < maxIterations)
        {
            double inverseMu = 1 / mu;
            for (int i = 0; i < m.Length; i++) work[i] = m[i] - s[i] + y[i] * inverseMu;
            thresholder.Apply(work, inverseMu, l);
            double residual = UpdateSparseAndMultiplier(m, l, s, y, mu, lambda * inverseMu);
            mu = Math.Min(mu * Rho, muMax);
            if (residual / normF < tolerance) break;
        }
        return (l, s, Math.Min(iteration, maxIterations));
    }

    /// <summary>S = shrink(M - L + Y / mu, lambda / mu); Y += mu (M - L - S); returns ||M - L - S||_F.</summary>
    private static double UpdateSparseAndMultiplier(double[] m, double[] l, double[] s, double[] y, double mu, double shrink)
    {
        double inverseMu = 1 / mu, sum = 0;
        for (int i = 0; i < m.Length; i++)
        {
            double t = m[i] - l[i] + y[i] * inverseMu;
            double sparse = Math.Sign(t) * Math.Max(Math.Abs(t) - shrink, 0);
            double z = m[i] - l[i] - sparse;
            s[i] = sparse;
            y[i] += mu * z;
            sum += z * z;
        }
        return Math.Sqrt(sum);
    }
}
