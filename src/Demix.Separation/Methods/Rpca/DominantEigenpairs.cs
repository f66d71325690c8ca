using MathNet.Numerics.LinearAlgebra;

namespace Demix.Separation.Methods.Rpca;

/// <summary>
/// Every eigenpair of a symmetric positive semi-definite matrix G [n, n] whose eigenvalue exceeds a threshold, without a
/// full eigendecomposition: a block Krylov space [Q, GQ, G^2 Q, ...] from a start block Q (the caller's previous
/// eigenvectors and seeded random columns), orthonormalised twice (classical Gram-Schmidt), then Rayleigh-Ritz. The pairs
/// above the threshold and the next one must have residuals ||G v - theta v|| &lt;= tolerance * lambda_max; otherwise the
/// search restarts from the best Ritz vectors with a larger block. When the space would cover most of R^n, or after
/// <see cref="MaxRestarts"/>, it falls back to MathNet's full symmetric eigendecomposition.
/// </summary>
internal static class DominantEigenpairs
{
    /// <summary>Restarts before the full decomposition is used.</summary>
    public const int MaxRestarts = 8;

    /// <summary>Krylov dimension, as a fraction of n, above which the full decomposition is cheaper.</summary>
    private const double FullFraction = 0.6;

    /// <summary>Residual tolerance relative to the largest eigenvalue.</summary>
    public const double Tolerance = 1e-10;

    /// <summary>Eigenpairs of <paramref name="g"/> [n, n] with eigenvalue &gt; <paramref name="threshold"/>.</summary>
    /// <param name="start">Start vectors [n, startCount] (column-major), e.g. the last call's eigenvectors.</param>
    /// <param name="block">Block size: at least the expected count plus one.</param>
    public static SymmetricEigenpairs Above(double[] g, int n, double threshold, double[] start, int startCount, int block, Random random)
    {
        block = Math.Clamp(block, Math.Min(startCount + 1, n), n);
        double[] q = StartBlock(n, start, startCount, block, random);
        for (int restart = 0; restart < MaxRestarts; restart++)
        {
            int depth = Math.Min(n, 2 * block + 16);
            if (depth > FullFraction * n) break;
            KrylovBasis basis = KrylovBasis.Build(g, n, q, block, depth);
            RitzPairs ritz = RitzPairs.Of(g, n, basis);
            int count = ritz.CountAbove(threshold);
            if (count < ritz.Count && ritz.Converged(count + 1, Tolerance)) return ritz.Take(count);
            block = Math.Min(n, Math.Max(block, count + 1) + Math.Max(4, n / 20));
            q = ritz.TopVectors(Math.Min(block, ritz.Count));
            q = StartBlock(n, q, Math.Min(block, ritz.Count), block, random);
        }
        return Full(g, n, threshold);
    }

    /// <summary>The same pairs from MathNet's full symmetric eigendecomposition (the reference and the fallback).</summary>
    public static SymmetricEigenpairs Full(double[] g, int n, double threshold)
    {
        var evd = Matrix<double>.Build.Dense(n, n, g).Evd(Symmetricity.Symmetric);
        int[] order = [.. Enumerable.Range(0, n).OrderByDescending(i => evd.EigenValues[i].Real)];
        double largest = evd.EigenValues[order[0]].Real;
        int[] kept = [.. order.Where(i => evd.EigenValues[i].Real > threshold)];
        var vectors = new double[n * kept.Length];
        for (int k = 0; k < kept.Length; k++)
            for (int row = 0; row < n; row++) vectors[k * n + row] = evd.EigenVectors[row, kept[k]];
        return new SymmetricEigenpairs([.. kept.Select(i => evd.EigenValues[i].Real)], vectors, largest);
    }

    /// <summary>[n, block]: the first <paramref name="startCount"/> columns of <paramref name="start"/>, then random columns.</summary>
    private static double[] StartBlock(int n, double[] start, int startCount, int block, Random random)
    {
        var q = new double[n * block];
        int copied = Math.Min(startCount, block);
        Array.Copy(start, q, n * copied);
        for (int i = n * copied; i < q.Length; i++) q[i] = random.NextDouble() - 0.5;
        return q;
    }
}
