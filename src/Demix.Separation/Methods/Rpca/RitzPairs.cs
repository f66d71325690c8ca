using MathNet.Numerics.LinearAlgebra;

namespace Demix.Separation.Methods.Rpca;

/// <summary>
/// Rayleigh-Ritz on a <see cref="KrylovBasis"/> K [n, d]: the eigenpairs (theta, y) of H = K^T G K (MathNet, d x d),
/// in descending order; the Ritz vectors are K y and their residuals ||G K y - theta K y||.
/// </summary>
internal sealed class RitzPairs
{
    private readonly double[] basis, gBasis, values, coefficients;
    private readonly int n;

    private RitzPairs(double[] basis, double[] gBasis, int n, double[] values, double[] coefficients) =>
        (this.basis, this.gBasis, this.n, this.values, this.coefficients) = (basis, gBasis, n, values, coefficients);

    /// <summary>Number of pairs (the basis size d).</summary>
    public int Count => values.Length;

    /// <summary>The Rayleigh-Ritz pairs of G [n, n] on the basis.</summary>
    public static RitzPairs Of(double[] g, int n, KrylovBasis basis)
    {
        int d = basis.Count;
        var gBasis = new double[n * d];
        ColumnMajor.Multiply(g, n, n, basis.Columns, d, gBasis);
        var h = new double[d * d];
        ColumnMajor.TransposeMultiply(basis.Columns, n, d, gBasis, d, h);
        var matrix = Matrix<double>.Build.Dense(d, d, (i, j) => 0.5 * (h[j * d + i] + h[i * d + j]));
        var evd = matrix.Evd(Symmetricity.Symmetric);
        int[] order = [.. Enumerable.Range(0, d).OrderByDescending(i => evd.EigenValues[i].Real)];
        var coefficients = new double[d * d];
        for (int k = 0; k < d; k++)
            for (int row = 0; row < d; row++) coefficients[k * d + row] = evd.EigenVectors[row, order[k]];
        return new RitzPairs(basis.Columns, gBasis, n, [.. order.Select(i => evd.EigenValues[i].Real)], coefficients);
    }

    /// <summary>How many Ritz values exceed <paramref name="threshold"/>.</summary>
    public int CountAbove(double threshold) => values.Count(v => v > threshold);

    /// <summary>Whether the first <paramref name="pairs"/> pairs have residual &lt;= tolerance * the largest Ritz value.</summary>
    public bool Converged(int pairs, double tolerance)
    {
        double[] vectors = TopVectors(pairs), products = Combine(gBasis, pairs);
        double limit = tolerance * Math.Max(values[0], double.Epsilon);
        for (int k = 0; k < pairs; k++)
        {
            double sum = 0;
            for (int row = 0; row < n; row++)
            {
                double r = products[k * n + row] - values[k] * vectors[k * n + row];
                sum += r * r;
            }
            if (!(Math.Sqrt(sum) <= limit)) return false;
        }
        return true;
    }

    /// <summary>The first <paramref name="pairs"/> Ritz vectors, [n, pairs].</summary>
    public double[] TopVectors(int pairs) => Combine(basis, pairs);

    /// <summary>The first <paramref name="pairs"/> pairs as the result.</summary>
    public SymmetricEigenpairs Take(int pairs) => new(values[..pairs], TopVectors(pairs), values[0]);

    private double[] Combine(double[] columns, int pairs)
    {
        var result = new double[n * pairs];
        ColumnMajor.Multiply(columns, n, Count, coefficients, pairs, result);
        return result;
    }
}
