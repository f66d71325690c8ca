namespace Demix.Engine.Tests.Kernels;

/// <summary>Random operands and a float64 reference product with a rounding-error bound per entry.</summary>
internal sealed class GemmCase
{
    public GemmCase(bool transposeA, bool transposeB, int m, int n, int k, float alpha, float beta, int pad, int seed)
    {
        (TransposeA, TransposeB, M, N, K, Alpha, Beta) = (transposeA, transposeB, m, n, k, alpha, beta);
        var random = new Random(seed);
        Lda = (transposeA ? m : k) + pad;
        Ldb = (transposeB ? k : n) + pad;
        Ldc = n + pad;
        A = Fill(random, (transposeA ? k : m) * Lda);
        B = Fill(random, (transposeB ? n : k) * Ldb);
        C0 = Fill(random, m * Ldc);
    }

    public bool TransposeA { get; }

    public bool TransposeB { get; }

    public int M { get; }

    public int N { get; }

    public int K { get; }

    public float Alpha { get; }

    public float Beta { get; }

    public int Lda { get; }

    public int Ldb { get; }

    public int Ldc { get; }

    public float[] A { get; }

    public float[] B { get; }

    /// <summary>C before the product, [M, Ldc].</summary>
    public float[] C0 { get; }

    public float AAt(int i, int p) => TransposeA ? A[p * Lda + i] : A[i * Lda + p];

    public float BAt(int p, int j) => TransposeB ? B[j * Ldb + p] : B[p * Ldb + j];

    /// <summary>Asserts every entry of C (window and padding) against the float64 product.</summary>
    public void AssertMatches(float[] c, double relativeTolerance = 1e-5)
    {
        for (int i = 0; i < M; i++)
        {
            for (int j = 0; j < Ldc; j++)
            {
                float old = C0[i * Ldc + j];
                if (j >= N)
                {
                    Assert.Equal(old, c[i * Ldc + j]);
                    continue;
                }

                (double exact, double magnitude) = Reference(i, j, old);
                double error = Math.Abs(c[i * Ldc + j] - exact);
                Assert.True(error <= relativeTolerance * magnitude + 1e-30,
                    $"C[{i},{j}] = {c[i * Ldc + j]}, expected {exact} (error {error:E2}, scale {magnitude:E2}) for {this}");
            }
        }
    }

    public override string ToString() =>
        $"m={M} n={N} k={K} tA={TransposeA} tB={TransposeB} alpha={Alpha} beta={Beta} ld+{Lda - (TransposeA ? M : K)}";

    private (double Exact, double Magnitude) Reference(int i, int j, float old)
    {
        double sum = 0, magnitude = 0;
        for (int p = 0; p < K; p++)
        {
            double term = (double)AAt(i, p) * BAt(p, j);
            sum += term;
            magnitude += Math.Abs(term);
        }

        double scaledOld = Beta == 0f ? 0 : (double)Beta * old;
        return (Alpha * sum + scaledOld, Math.Abs(Alpha) * magnitude + Math.Abs(scaledOld));
    }

    private static float[] Fill(Random random, int length)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return values;
    }
}
