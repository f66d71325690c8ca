using System.Numerics.Tensors;

namespace Demix.Separation.Methods.Rpca;

/// <summary>
/// An orthonormal basis [n, Count] (column-major) of the block Krylov space span[Q, GQ, G^2 Q, ...] of a symmetric G,
/// built one column at a time with classical Gram-Schmidt applied twice; columns that vanish (an invariant subspace
/// was reached) are dropped.
/// </summary>
internal sealed class KrylovBasis
{
    /// <summary>Relative norm below which a new direction is taken as already in the space.</summary>
    private const double Breakdown = 1e-10;

    private KrylovBasis(double[] columns, int n, int count) => (Columns, N, Count) = (columns, n, count);

    /// <summary>The basis vectors, [N, Count] column-major (the array may be longer).</summary>
    public double[] Columns { get; }

    /// <summary>Vector length.</summary>
    public int N { get; }

    /// <summary>Number of basis vectors.</summary>
    public int Count { get; private set; }

    /// <summary>Builds the basis of at most <paramref name="depth"/> vectors from the start block q [n, block].</summary>
    public static KrylovBasis Build(double[] g, int n, double[] q, int block, int depth)
    {
        var basis = new KrylovBasis(new double[n * depth], n, 0);
        var work = new double[n];
        for (int j = 0; j < block && basis.Count < depth; j++) basis.Append(q.AsSpan(j * n, n), work);
        int from = 0;
        while (basis.Count < depth && from < basis.Count)
        {
            int to = basis.Count;
            for (int j = from; j < to && basis.Count < depth; j++)
            {
                ReadOnlySpan<double> column = basis.Columns.AsSpan(j * n, n);
                var product = new double[n];
                for (int row = 0; row < n; row++) product[row] = TensorPrimitives.Dot(g.AsSpan(row * n, n), column);
                basis.Append(product, work);
            }
            from = to;
        }
        return basis;
    }

    /// <summary>Orthogonalises <paramref name="vector"/> against the basis (twice), normalises and appends it.</summary>
    private void Append(ReadOnlySpan<double> vector, double[] work)
    {
        Span<double> target = Columns.AsSpan(Count * N, N);
        vector.CopyTo(target);
        double before = TensorPrimitives.Norm(target);
        if (!(before > 0)) return;
        for (int pass = 0; pass < 2; pass++)
        {
            for (int k = 0; k < Count; k++) work[k] = TensorPrimitives.Dot(Columns.AsSpan(k * N, N), target);
            for (int k = 0; k < Count; k++) TensorPrimitives.MultiplyAdd(Columns.AsSpan(k * N, N), -work[k], target, target);
        }
        double after = TensorPrimitives.Norm(target);
        if (after <= Breakdown * before) return;
        TensorPrimitives.Divide(target, after, target);
        Count++;
    }
}
