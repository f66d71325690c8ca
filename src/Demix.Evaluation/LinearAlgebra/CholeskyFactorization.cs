using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Demix.Evaluation.LinearAlgebra;

/// <summary>
/// Blocked right-looking Cholesky factorisation A = L L^T of a dense symmetric matrix in row-major
/// storage, in place: the lower triangle of the array becomes L (the upper triangle is scratch).
/// Panels of <see cref="BlockSize"/> columns are solved row by row in parallel; the trailing update,
/// where almost all the work is, runs a Vector512 (else Vector256, else scalar) 4 x 2-vector
/// register-blocked kernel on a transposed copy of the panel, in parallel over row strips.
/// </summary>
internal static class CholeskyFactorization
{
    /// <summary>Columns per panel.</summary>
    public const int BlockSize = 128;

    /// <summary>Factors <paramref name="matrix"/> (n x n, row-major; lower triangle read) in place.</summary>
    /// <param name="matrix">The symmetric matrix; on success its lower triangle holds L.</param>
    /// <param name="n">Order of the matrix.</param>
    /// <returns>False when a pivot is not positive (the matrix is not numerically positive definite);
    /// the array is then partly overwritten.</returns>
    public static bool TryFactor(double[] matrix, int n)
    {
        if (matrix.Length < n * n) throw new ArgumentException("The matrix array is smaller than n x n.", nameof(matrix));
        var panelT = new double[BlockSize * Math.Max(1, n)];
        for (int k0 = 0; k0 < n; k0 += BlockSize)
        {
            int kb = Math.Min(BlockSize, n - k0);
            if (!FactorDiagonalBlock(matrix, n, k0, kb)) return false;
            int rest = n - k0 - kb;
            if (rest == 0) break;
            SolvePanel(matrix, n, k0, kb);
            TransposePanel(matrix, n, k0, kb, panelT);
            SymmetricRankUpdate.Apply(matrix, n, k0 + kb, kb, panelT);
        }
        return true;
    }

    private static bool FactorDiagonalBlock(double[] a, int n, int k0, int kb)
    {
        for (int j = 0; j < kb; j++)
        {
            int row = (k0 + j) * n + k0;
            double diagonal = a[row + j] - Dot(a.AsSpan(row, j), a.AsSpan(row, j));
            if (!(diagonal > 0) || double.IsInfinity(diagonal)) return false;
            double pivot = Math.Sqrt(diagonal);
            a[row + j] = pivot;
            for (int i = j + 1; i < kb; i++)
            {
                int other = (k0 + i) * n + k0;
                a[other + j] = (a[other + j] - Dot(a.AsSpan(other, j), a.AsSpan(row, j))) / pivot;
            }
        }
        return true;
    }

    /// <summary>L21 = A21 L11^-T, each row of the panel by forward substitution.</summary>
    private static void SolvePanel(double[] a, int n, int k0, int kb)
    {
        int first = k0 + kb;
        int strips = (n - first + 15) / 16;
        Parallel.For(0, strips, strip =>
        {
            int end = Math.Min(n, first + 16 * (strip + 1));
            for (int i = first + 16 * strip; i < end; i++)
            {
                int row = i * n + k0;
                for (int j = 0; j < kb; j++)
                {
                    int diagonalRow = (k0 + j) * n + k0;
                    a[row + j] = (a[row + j] - Dot(a.AsSpan(row, j), a.AsSpan(diagonalRow, j))) / a[diagonalRow + j];
                }
            }
        });
    }

    private static void TransposePanel(double[] a, int n, int k0, int kb, double[] panelT)
    {
        int first = k0 + kb, rows = n - first;
        for (int i = 0; i < rows; i++)
        {
            int row = (first + i) * n + k0;
            for (int t = 0; t < kb; t++) panelT[t * rows + i] = a[row + t];
        }
    }

    /// <summary>Dot product of two equal-length spans, vectorised.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        return x.Length < 8 ? ScalarDot(x, y) : System.Numerics.Tensors.TensorPrimitives.Dot(x, y);
    }

    private static double ScalarDot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++) sum += x[i] * y[i];
        return sum;
    }

    /// <summary>Solves L L^T X = B in place for each right-hand side (a row of <paramref name="rhs"/>).</summary>
    /// <param name="factor">The factor from <see cref="TryFactor"/>.</param>
    /// <param name="n">Order.</param>
    /// <param name="rhs">Right-hand sides, [count][n]; overwritten by the solutions.</param>
    public static void Solve(double[] factor, int n, double[][] rhs)
    {
        Parallel.For(0, rhs.Length, r => SolveOne(factor, n, rhs[r]));
    }

    private static void SolveOne(double[] l, int n, double[] b)
    {
        for (int i = 0; i < n; i++) b[i] = (b[i] - Dot(l.AsSpan(i * n, i), b.AsSpan(0, i))) / l[i * n + i];
        for (int i = n - 1; i >= 0; i--)
        {
            double x = b[i] / l[i * n + i];
            b[i] = x;
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(l.AsSpan(i * n, i), -x, b.AsSpan(0, i), b.AsSpan(0, i));
        }
    }
}
