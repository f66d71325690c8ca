namespace Demix.Evaluation.LinearAlgebra;

/// <summary>How a Gram system was solved (reported so callers can flag ill-conditioned results).</summary>
public enum SolverPath
{
    /// <summary>Cholesky factorisation succeeded (the matrix was numerically positive definite).</summary>
    Cholesky,

    /// <summary>Cholesky failed; LU with partial pivoting was used, as numpy.linalg.solve does.</summary>
    PivotedLu,

    /// <summary>The matrix was exactly singular; a minimum-residual solution from the regularised normal equations was used.</summary>
    Regularized,
}

/// <summary>
/// Solves G X = B for a symmetric positive semi-definite Gram matrix G and several right-hand sides:
/// Cholesky first, then pivoted LU when G is not numerically positive definite, and a Tikhonov-regularised
/// Cholesky (shift 1e-12 x the largest diagonal entry) only when G is exactly singular.
/// </summary>
internal static class SymmetricSolver
{
    /// <summary>Solves in place; <paramref name="gram"/> (n x n row-major) is consumed.</summary>
    /// <param name="gram">The matrix; destroyed.</param>
    /// <param name="n">Order.</param>
    /// <param name="rhs">Right-hand sides [count][n]; overwritten by the solutions.</param>
    /// <returns>The path that produced the solution.</returns>
    public static SolverPath Solve(double[] gram, int n, double[][] rhs)
    {
        var backup = (double[])gram.Clone();
        if (CholeskyFactorization.TryFactor(gram, n))
        {
            CholeskyFactorization.Solve(gram, n, rhs);
            return SolverPath.Cholesky;
        }
        Array.Copy(backup, gram, backup.Length);
        var pivots = new int[n];
        if (LuFactorization.TryFactor(gram, n, pivots))
        {
            LuFactorization.Solve(gram, n, pivots, rhs);
            return SolverPath.PivotedLu;
        }
        double largest = 0;
        for (int i = 0; i < n; i++) largest = Math.Max(largest, Math.Abs(backup[i * n + i]));
        for (int i = 0; i < n; i++) backup[i * n + i] += 1e-12 * Math.Max(largest, double.Epsilon);
        if (!CholeskyFactorization.TryFactor(backup, n))
            throw new ArithmeticException("The Gram matrix could not be factorised even with regularisation.");
        CholeskyFactorization.Solve(backup, n, rhs);
        return SolverPath.Regularized;
    }
}
