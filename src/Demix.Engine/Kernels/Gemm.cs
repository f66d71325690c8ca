namespace Demix.Engine.Kernels;

/// <summary>
/// Single-precision general matrix product, row-major: C = alpha * op(A) * op(B) + beta * C,
/// where op(A) is [m, k] and op(B) is [k, n]. Leading dimensions are row strides in elements.
/// </summary>
/// <remarks>
/// The managed path is a cache-blocked, packed SGEMM with an AVX-512 12x32 register tile (AVX2 6x16 and
/// scalar 4x4 fallbacks), split over the cores for large products; products with few rows use in-place B
/// or dot-product kernels. <see cref="GemmBackend"/> can route calls to OpenBLAS instead.
/// When beta is 0, C is not read (NaN in C does not propagate), as in BLAS.
/// </remarks>
public static class Gemm
{
    /// <summary>C[m, n] = alpha * op(A)[m, k] * op(B)[k, n] + beta * C[m, n] (row-major), on <see cref="GemmBackend.Current"/>.</summary>
    /// <param name="transposeA">A is stored [k, m] (lda >= m) instead of [m, k] (lda >= k).</param>
    /// <param name="transposeB">B is stored [n, k] (ldb >= k) instead of [k, n] (ldb >= n).</param>
    /// <exception cref="ArgumentException">A size is negative, a leading dimension is too small or a span too short.</exception>
    public static void Sgemm(
        bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        var options = new GemmOptions(GemmBackend.Current, GemmIsa.Auto, GemmBackend.MaxThreads);
        SgemmWith(options, transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    /// <summary>As <see cref="Sgemm"/>, on the managed kernels whatever <see cref="GemmBackend.Current"/> says.</summary>
    public static void SgemmManaged(
        bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        var options = new GemmOptions(GemmBackendKind.Managed, GemmIsa.Auto, GemmBackend.MaxThreads);
        SgemmWith(options, transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    /// <summary>
    /// C[m, n] = alpha * op(A)[m, k] * B[k, n] + beta * C with B packed in advance (<see cref="PackedMatrix.Pack"/>);
    /// always on the managed kernels.
    /// </summary>
    /// <exception cref="ArgumentException">Sizes, leading dimensions or span lengths do not fit.</exception>
    public static unsafe void SgemmPacked(bool transposeA, int m, float alpha, ReadOnlySpan<float> a, int lda,
        PackedMatrix b, float beta, Span<float> c, int ldc)
    {
        ArgumentNullException.ThrowIfNull(b);
        int n = b.N, k = b.K;
        GemmValidation.Check(transposeA, false, m, n, k, a.Length, lda, Math.Max(1, k * n), Math.Max(1, n), c.Length, ldc);
        if (m == 0 || n == 0)
        {
            return;
        }

        fixed (float* pa = a)
        fixed (float* pc = c)
        {
            var g = new GemmArgs(transposeA, false, m, n, k, alpha, pa, lda, null, n, beta, pc, ldc);
            if (k == 0 || alpha == 0f)
            {
                GemmScale.ScaleC(g);
            }
            else
            {
                GemmDispatch.RunPrepacked(g, b, GemmBackend.MaxThreads);
            }
        }
    }

    /// <summary>The product with explicit backend, register tile and thread limit (tests and benchmarks).</summary>
    internal static unsafe void SgemmWith(GemmOptions options,
        bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        GemmValidation.Check(transposeA, transposeB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        if (m == 0 || n == 0)
        {
            return;
        }

        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        {
            var g = new GemmArgs(transposeA, transposeB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
            if (k == 0 || alpha == 0f)
            {
                GemmScale.ScaleC(g);
            }
            else if (options.Backend == GemmBackendKind.OpenBlas && OpenBlas.IsAvailable)
            {
                OpenBlas.Sgemm(g);
            }
            else
            {
                GemmDispatch.Run(g, options.Isa, options.MaxThreads);
            }
        }
    }
}

/// <summary>How one SGEMM call runs: backend, managed register tile and thread limit.</summary>
internal readonly record struct GemmOptions(GemmBackendKind Backend, GemmIsa Isa, int MaxThreads);
