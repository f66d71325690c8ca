using System.Numerics.Tensors;

namespace Demix.Evaluation.LinearAlgebra;

/// <summary>
/// Blocked right-looking Cholesky factorisation A = L L^T of a dense symmetric matrix in row-major
/// storage, in place: the lower triangle of the array becomes L (the upper triangle is scratch).
/// Each step factors a diagonal block, solves the panel below it column by column on a transposed copy
/// (vectorised along rows, parallel over row chunks), and applies the trailing update with the packed
/// register-blocked kernel of <see cref="SymmetricRankUpdate"/>.
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
        var packed = new double[BlockSize * (n + SymmetricRankUpdate.ColumnBlock)];
        for (int k0 = 0; k0 < n; k0 += BlockSize)
        {
            int kb = Math.Min(BlockSize, n - k0);
            if (!FactorDiagonalBlock(matrix, n, k0, kb)) return false;
            int rows = n - k0 - kb;
            if (rows == 0) break;
            TransposePanel(matrix, n, k0, kb, panelT);
            SolvePanel(matrix, n, k0, kb, panelT, rows);
            WriteBackPanel(matrix, n, k0, kb, panelT, rows);
            SymmetricRankUpdate.Pack(panelT, rows, kb, packed);
            SymmetricRankUpdate.Apply(matrix, n, k0 + kb, kb, packed);
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

    private static void TransposePanel(double[] a, int n, int k0, int kb, double[] panelT)
    {
        int first = k0 + kb, rows = n - first;
        for (int i = 0; i < rows; i++)
        {
            int row = (first + i) * n + k0;
            for (int t = 0; t < kb; t++) panelT[t * rows + i] = a[row + t];
        }
    }

    /// <summary>L21 = A21 L11^-T on the transposed panel: column j -= sum_t L11[j, t] column t, then / L11[j, j].</summary>
    private static void SolvePanel(double[] a, int n, int k0, int kb, double[] panelT, int rows)
    {
        const int Chunk = 256;
        int chunks = (rows + Chunk - 1) / Chunk;
        Parallel.For(0, chunks, c =>
        {
            int from = c * Chunk, count = Math.Min(Chunk, rows - from);
            for (int j = 0; j < kb; j++)
            {
                Span<double> column = panelT.AsSpan(j * rows + from, count);
                int diagonalRow = (k0 + j) * n + k0;
                for (int t = 0; t < j; t++)
                    TensorPrimitives.MultiplyAdd(panelT.AsSpan(t * rows + from, count), -a[diagonalRow + t], column, column);
                TensorPrimitives.Multiply(column, 1.0 / a[diagonalRow + j], column);
            }
        });
    }

    private static void WriteBackPanel(double[] a, int n, int k0, int kb, double[] panelT, int rows)
    {
        int first = k0 + kb;
        for (int i = 0; i < rows; i++)
        {
            int row = (first + i) * n + k0;
            for (int t = 0; t < kb; t++) a[row + t] = panelT[t * rows + i];
        }
    }

    /// <summary>Dot product of two equal-length spans, vectorised.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length >= 16) return TensorPrimitives.Dot(x, y);
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
            TensorPrimitives.MultiplyAdd(l.AsSpan(i * n, i), -x, b.AsSpan(0, i), b.AsSpan(0, i));
        }
    }
}
