namespace Demix.Engine.Kernels;

/// <summary>
/// A register tile of the SGEMM: C[Mr, Nr] = sum over kc of A[:, p] * B[p, :] (+ beta * C).
/// Implemented by structs so that the generic driver is specialised per tile at JIT time (no virtual calls).
/// </summary>
internal interface IMicroKernel
{
    /// <summary>Rows of the tile (A is packed in panels of this many rows).</summary>
    static abstract int Mr { get; }

    /// <summary>Columns of the tile (B is packed in panels of this many columns).</summary>
    static abstract int Nr { get; }

    /// <summary>Whether this machine runs the tile's vector instructions in hardware.</summary>
    static abstract bool IsSupported { get; }

    /// <summary>
    /// C[Mr, Nr] = sum_p a[p * Mr + r] * b[p * bStride + j] + beta * C (C is not read when beta is 0).
    /// </summary>
    /// <param name="kc">Depth of the product.</param>
    /// <param name="a">Packed A panel, [kc][Mr].</param>
    /// <param name="b">B rows, [kc] rows of Nr floats, bStride floats apart.</param>
    /// <param name="bStride">Distance between B rows in floats.</param>
    /// <param name="c">Top-left of the C tile.</param>
    /// <param name="ldc">Row stride of C in floats.</param>
    /// <param name="beta">Scale of the old C.</param>
    static abstract unsafe void Run(int kc, float* a, float* b, nint bStride, float* c, nint ldc, float beta);
}
