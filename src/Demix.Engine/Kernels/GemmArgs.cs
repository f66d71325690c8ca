namespace Demix.Engine.Kernels;

/// <summary>
/// One SGEMM call with its operands pinned: C[M, N] = Alpha * op(A) * op(B) + Beta * C, row-major,
/// leading dimensions in floats. Carried by value into the worker threads.
/// </summary>
internal readonly unsafe struct GemmArgs
{
    public GemmArgs(bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        float* a, int lda, float* b, int ldb, float beta, float* c, int ldc)
    {
        TransposeA = transposeA;
        TransposeB = transposeB;
        M = m;
        N = n;
        K = k;
        Alpha = alpha;
        A = a;
        Lda = lda;
        B = b;
        Ldb = ldb;
        Beta = beta;
        C = c;
        Ldc = ldc;
    }

    public bool TransposeA { get; }

    public bool TransposeB { get; }

    public int M { get; }

    public int N { get; }

    public int K { get; }

    public float Alpha { get; }

    public float* A { get; }

    public nint Lda { get; }

    public float* B { get; }

    public nint Ldb { get; }

    public float Beta { get; }

    public float* C { get; }

    public nint Ldc { get; }

    /// <summary>op(A)[i, p] (slow; for edge cases and tests).</summary>
    public float AAt(int i, int p) => TransposeA ? A[p * Lda + i] : A[i * Lda + p];

    /// <summary>op(B)[p, j] (slow; for edge cases and tests).</summary>
    public float BAt(int p, int j) => TransposeB ? B[j * Ldb + p] : B[p * Ldb + j];
}
