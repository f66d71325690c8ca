namespace Demix.Separation.Methods.Rpca;

/// <summary>
/// The singular value thresholding operator D_tau(A) = U diag(max(sigma - tau, 0)) V^T of a tall matrix A [rows, cols]
/// (rows &gt;= cols, column-major), repeated over the iterations of one ALM run. It needs only the singular values above
/// tau: they are the eigenvalues sigma^2 &gt; tau^2 of the Gram matrix A^T A with eigenvectors V, and then
/// D_tau(A) = (A V) diag((sigma - tau) / sigma) V^T. Like Lin, Chen and Ma's inexact-ALM code it predicts how many
/// singular values pass (starting at 10: one more than last time when fewer passed than predicted, otherwise 5 % of cols
/// more), computes just those eigenpairs (<see cref="DominantEigenpairs"/>), and starts each search from the last
/// iteration's singular vectors.
/// </summary>
internal sealed class SingularValueThresholder(int rows, int cols, Random random)
{
    private readonly double[] gram = new double[cols * cols];
    private double[] previousVectors = [];
    private int previousCount, predicted = Math.Min(10, cols);

    /// <summary>Singular values kept by the last <see cref="Apply"/>.</summary>
    public int LastRank { get; private set; }

    /// <summary>The largest singular value of <paramref name="a"/> [rows, cols].</summary>
    public double Norm2(double[] a)
    {
        ColumnMajor.Gram(a, rows, cols, gram);
        SymmetricEigenpairs top = DominantEigenpairs.Above(gram, cols, double.PositiveInfinity, [], 0, 2, random);
        return Math.Sqrt(Math.Max(top.Largest, 0));
    }

    /// <summary>result [rows, cols] = D_tau(a); a is not changed.</summary>
    public void Apply(double[] a, double tau, double[] result)
    {
        ColumnMajor.Gram(a, rows, cols, gram);
        SymmetricEigenpairs pairs = DominantEigenpairs.Above(gram, cols, tau * tau, previousVectors, previousCount, predicted + 2, random);
        int rank = pairs.Values.Length;
        var gains = new double[rank];
        for (int k = 0; k < rank; k++)
        {
            double sigma = Math.Sqrt(pairs.Values[k]);
            gains[k] = (sigma - tau) / sigma;
        }
        var projected = new double[rows * rank];
        ColumnMajor.Multiply(a, rows, cols, pairs.Vectors, rank, projected);
        ColumnMajor.MultiplyScaledTransposed(projected, rows, rank, gains, pairs.Vectors, cols, result);
        predicted = rank < predicted ? Math.Min(rank + 1, cols) : Math.Min(rank + (int)Math.Round(0.05 * cols), cols);
        (previousVectors, previousCount, LastRank) = (pairs.Vectors, rank, rank);
    }
}
