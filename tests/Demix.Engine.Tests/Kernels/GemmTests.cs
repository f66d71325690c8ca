using Demix.Engine.Kernels;

namespace Demix.Engine.Tests.Kernels;

public sealed class GemmTests
{
    /// <summary>Sizes around the tile (12x32, 6x16, 4x4) and block (Kc 256, Mc 384, Nc 2048) edges, degenerate sizes, and the skinny paths.</summary>
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 0, 5, 3 }, { 5, 0, 3 }, { 4, 5, 0 }, { 1, 1, 1 }, { 1, 37, 19 }, { 37, 1, 19 }, { 2, 3, 1 },
        { 13, 33, 7 }, { 12, 32, 256 }, { 25, 65, 300 }, { 16, 64, 1030 }, { 33, 50, 40 }, { 49, 50, 40 },
        { 390, 40, 20 }, { 17, 2100, 9 }, { 64, 700, 100 }, { 700, 40, 100 }, { 97, 131, 517 },
        { 20, 300, 300 }, { 40, 300, 300 }, { 1, 3000, 600 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Sgemm_AllTransposesAndScalings_MatchFloat64Reference(int m, int n, int k)
    {
        foreach (var (alpha, beta) in new[] { (1f, 0f), (0.5f, -1.5f), (-2f, 1f) })
        {
            foreach (bool ta in new[] { false, true })
            {
                foreach (bool tb in new[] { false, true })
                {
                    var test = new GemmCase(ta, tb, m, n, k, alpha, beta, pad: (m + n) % 4, seed: m * 31 + n * 7 + k);
                    float[] c = (float[])test.C0.Clone();
                    Gemm.Sgemm(ta, tb, m, n, k, alpha, test.A, test.Lda, test.B, test.Ldb, beta, c, test.Ldc);
                    test.AssertMatches(c);
                }
            }
        }
    }

    [Theory]
    [InlineData((int)GemmIsa.Avx512)]
    [InlineData((int)GemmIsa.Avx2)]
    [InlineData((int)GemmIsa.Scalar)]
    public void SgemmWith_EachRegisterTileAndThreadCount_MatchFloat64Reference(int tile)
    {
        var isa = (GemmIsa)tile;
        if ((isa == GemmIsa.Avx512 && !System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)
            || (isa == GemmIsa.Avx2 && !System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated))
        {
            return;
        }

        int[][] shapes = [[20, 300, 300], [13, 33, 7], [25, 65, 300], [390, 40, 20], [64, 700, 100], [7, 50, 3], [20, 45, 260]];
        foreach (int[] s in shapes)
        {
            foreach (int threads in new[] { 1, 2 })
            {
                foreach (bool ta in new[] { false, true })
                {
                    var test = new GemmCase(ta, !ta, s[0], s[1], s[2], 0.75f, 0.25f, pad: 3, seed: s[0] + s[1]);
                    float[] c = (float[])test.C0.Clone();
                    var options = new GemmOptions(GemmBackendKind.Managed, isa, threads);
                    Gemm.SgemmWith(options, ta, !ta, s[0], s[1], s[2], 0.75f, test.A, test.Lda, test.B, test.Ldb, 0.25f, c, test.Ldc);
                    test.AssertMatches(c);
                }
            }
        }
    }

    [Theory]
    [InlineData(16, 1024, 256)]
    [InlineData(1, 37, 19)]
    [InlineData(33, 70, 600)]
    [InlineData(200, 300, 100)]
    [InlineData(5, 0, 7)]
    public void SgemmPacked_ReusedPackedB_MatchesFloat64Reference(int m, int n, int k)
    {
        foreach (bool ta in new[] { false, true })
        {
            foreach (bool tb in new[] { false, true })
            {
                var test = new GemmCase(ta, tb, m, n, k, 0.5f, 0.75f, pad: 1, seed: m + n + k);
                PackedMatrix packed = PackedMatrix.Pack(tb, k, n, test.B, test.Ldb);
                for (int repeat = 0; repeat < 2; repeat++)
                {
                    float[] c = (float[])test.C0.Clone();
                    Gemm.SgemmPacked(ta, m, 0.5f, test.A, test.Lda, packed, 0.75f, c, test.Ldc);
                    test.AssertMatches(c);
                }
            }
        }
    }

    [Fact]
    public void Sgemm_BetaZero_IgnoresNaNInC()
    {
        var test = new GemmCase(false, false, 20, 40, 30, 1f, 0f, pad: 0, seed: 5);
        float[] c = Enumerable.Repeat(float.NaN, test.C0.Length).ToArray();
        Gemm.Sgemm(false, false, 20, 40, 30, 1f, test.A, test.Lda, test.B, test.Ldb, 0f, c, test.Ldc);
        Assert.All(c, value => Assert.True(float.IsFinite(value)));
    }

    [Fact]
    public void Sgemm_KZeroOrAlphaZero_ScalesCByBeta()
    {
        float[] c = [1f, 2f, 3f, 4f];
        Gemm.Sgemm(false, false, 2, 2, 0, 1f, [], 1, [], 2, 0.5f, c, 2);
        Assert.Equal([0.5f, 1f, 1.5f, 2f], c);
        Gemm.Sgemm(false, false, 2, 2, 1, 0f, [1f, 1f], 1, [1f, 1f], 2, 0f, c, 2);
        Assert.Equal([0f, 0f, 0f, 0f], c);
    }

    [Fact]
    public void Sgemm_SpanTooShortOrLeadingDimensionTooSmall_Throws()
    {
        var a = new float[6];
        var b = new float[6];
        var c = new float[4];
        var tooShort = Assert.Throws<ArgumentException>(() => Gemm.Sgemm(false, false, 2, 2, 3, 1f, a, 3, b, 2, 0f, c.AsSpan(0, 3), 2));
        Assert.Contains("C holds 3", tooShort.Message);
        var badLd = Assert.Throws<ArgumentException>(() => Gemm.Sgemm(false, false, 2, 2, 3, 1f, a, 2, b, 2, 0f, c, 2));
        Assert.Contains("leading dimension of A", badLd.Message);
        Assert.Throws<ArgumentException>(() => Gemm.Sgemm(false, false, -1, 2, 3, 1f, a, 3, b, 2, 0f, c, 2));
    }

    [Fact]
    public void Sgemm_OpenBlas_EqualsManagedUpToRounding()
    {
        if (!GemmBackend.OpenBlasAvailable)
        {
            return; // libopenblas.so.0 is optional; the managed path is tested above
        }

        foreach (var (ta, tb) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            var test = new GemmCase(ta, tb, 70, 90, 300, 1.5f, -0.5f, pad: 2, seed: 11);
            float[] managed = (float[])test.C0.Clone();
            float[] openBlas = (float[])test.C0.Clone();
            Gemm.SgemmWith(new GemmOptions(GemmBackendKind.Managed, GemmIsa.Auto, 2), ta, tb, 70, 90, 300, 1.5f, test.A, test.Lda, test.B, test.Ldb, -0.5f, managed, test.Ldc);
            Gemm.SgemmWith(new GemmOptions(GemmBackendKind.OpenBlas, GemmIsa.Auto, 2), ta, tb, 70, 90, 300, 1.5f, test.A, test.Lda, test.B, test.Ldb, -0.5f, openBlas, test.Ldc);
            test.AssertMatches(managed);
            test.AssertMatches(openBlas);
        }
    }
}
