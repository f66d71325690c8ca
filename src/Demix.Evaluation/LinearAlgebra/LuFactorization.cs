using System.Numerics.Tensors;

namespace Demix.Evaluation.LinearAlgebra;

/// <summary>
/// LU factorisation with partial (row) pivoting, P A = L U, of a dense row-major matrix in place: the fallback
/// when a Gram matrix is not numerically positive definite (the path numpy.linalg.solve always takes).
/// Right-looking; the rank-1 update of each step is vectorised along rows and parallel over row strips.
/// </summary>
internal static class LuFactorization
{
    /// <summary>Factors <paramref name="matrix"/> (n x n) in place, filling <paramref name="pivots"/> (row swapped in at each step).</summary>
    /// <returns>False when a pivot is exactly zero (the matrix is singular).</returns>
    public static bool TryFactor(double[] matrix, int n, int[] pivots)
    {
        for (int k = 0; k < n; k++)
        {
            int pivotRow = ArgMaxAbs(matrix, n, k);
            pivots[k] = pivotRow;
            if (matrix[pivotRow * n + k] == 0 || !double.IsFinite(matrix[pivotRow * n + k])) return false;
            if (pivotRow != k) SwapRows(matrix, n, k, pivotRow);
            double pivot = matrix[k * n + k];
            int rest = n - k - 1;
            if (rest == 0) break;
            int strips = (rest + 63) / 64;
            Parallel.For(0, strips, s =>
            {
                int end = Math.Min(n, k + 1 + 64 * (s + 1));
                ReadOnlySpan<double> pivotTail = matrix.AsSpan(k * n + k + 1, rest);
                for (int i = k + 1 + 64 * s; i < end; i++)
                {
                    double factor = matrix[i * n + k] / pivot;
                    matrix[i * n + k] = factor;
                    Span<double> tail = matrix.AsSpan(i * n + k + 1, rest);
                    TensorPrimitives.MultiplyAdd(pivotTail, -factor, tail, tail);
                }
            });
        }
        return true;
    }

    private static int ArgMaxAbs(double[] a, int n, int k)
    {
        int best = k;
        double bestValue = Math.Abs(a[k * n + k]);
        for (int i = k + 1; i < n; i++)
        {
            double value = Math.Abs(a[i * n + k]);
            if (value > bestValue) { bestValue = value; best = i; }
        }
        return best;
    }

    private static void SwapRows(double[] a, int n, int r1, int r2)
    {
        Span<double> x = a.AsSpan(r1 * n, n), y = a.AsSpan(r2 * n, n);
        for (int j = 0; j < n; j++) (x[j], y[j]) = (y[j], x[j]);
    }

    /// <summary>Solves A x = b in place for each right-hand side (a row of <paramref name="rhs"/>).</summary>
    public static void Solve(double[] lu, int n, int[] pivots, double[][] rhs)
    {
        Parallel.For(0, rhs.Length, r =>
        {
            double[] b = rhs[r];
            for (int k = 0; k < n; k++) (b[k], b[pivots[k]]) = (b[pivots[k]], b[k]);
            for (int i = 0; i < n; i++) b[i] -= CholeskyFactorization.Dot(lu.AsSpan(i * n, i), b.AsSpan(0, i));
            for (int i = n - 1; i >= 0; i--)
            {
                double tail = CholeskyFactorization.Dot(lu.AsSpan(i * n + i + 1, n - i - 1), b.AsSpan(i + 1, n - i - 1));
                b[i] = (b[i] - tail) / lu[i * n + i];
            }
        });
    }
}
