namespace Demix.Engine.Kernels;

/// <summary>
/// The pinned tensors of one convolution call, carried into worker threads: Input is x (or dX), Output is y
/// (or dY), Weight is w (or dW), Bias may be null. Lengths were checked by <see cref="Conv2dKernel"/>.
/// </summary>
internal readonly unsafe struct ConvPointers(float* input, float* output, float* weight, float* bias)
{
    public float* Input { get; } = input;

    public float* Output { get; } = output;

    public float* Weight { get; } = weight;

    public float* Bias { get; } = bias;

    /// <summary>Image n, group g of the input: [Geometry.Channels, Height, Width].</summary>
    public ReadOnlySpan<float> InputImage(in Conv2dShape s, int n, int g) =>
        new(Input + s.InputOffset(n, g), s.Geometry.Channels * s.InPixels);

    /// <summary>Writable image n, group g of the input (gradient).</summary>
    public Span<float> InputImageMutable(in Conv2dShape s, int n, int g) =>
        new(Input + s.InputOffset(n, g), s.Geometry.Channels * s.InPixels);

    /// <summary>Weights of group g: [GroupOutChannels, ColumnRows].</summary>
    public ReadOnlySpan<float> GroupWeight(in Conv2dShape s, int g) =>
        new(Weight + (long)g * s.GroupOutChannels * s.Geometry.ColumnRows, s.GroupOutChannels * s.Geometry.ColumnRows);
}

/// <summary>The SGEMM calls of the convolution kernels: alpha 1, the current backend, a given thread budget.</summary>
internal static class ConvGemm
{
    public static void Run(int threads, bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        var options = new GemmOptions(GemmBackend.Current, GemmIsa.Auto, threads);
        Gemm.SgemmWith(options, transposeA, transposeB, m, n, k, 1f, a, lda, b, ldb, beta, c, ldc);
    }
}
