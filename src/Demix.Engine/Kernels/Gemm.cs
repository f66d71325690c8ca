namespace Demix.Engine.Kernels;

/// <summary>
/// Single-precision general matrix product, row-major: C = alpha * op(A) * op(B) + beta * C,
/// where op(A) is [m, k] and op(B) is [k, n]. Leading dimensions are row strides in elements.
/// </summary>
/// <remarks>Placeholder reference loop; the cache-blocked SIMD kernel replaces the body, not the signature.</remarks>
public static class Gemm
{
    /// <summary>C[m, n] = alpha * op(A)[m, k] * op(B)[k, n] + beta * C[m, n] (row-major).</summary>
    public static void Sgemm(
        bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float sum = 0f;
                for (int p = 0; p < k; p++)
                {
                    float av = transposeA ? a[p * lda + i] : a[i * lda + p];
                    float bv = transposeB ? b[j * ldb + p] : b[p * ldb + j];
                    sum += av * bv;
                }
                c[i * ldc + j] = alpha * sum + (beta == 0f ? 0f : beta * c[i * ldc + j]);
            }
        }
    }
}
