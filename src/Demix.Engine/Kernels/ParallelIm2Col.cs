namespace Demix.Engine.Kernels;

/// <summary>
/// Unfold and fold of one band split over the cores by channel (each channel owns its own rows of the columns
/// and its own image plane, so the pieces never overlap). Used when the bands of a convolution run one after
/// another; small bands stay on the calling thread.
/// </summary>
internal static unsafe class ParallelIm2Col
{
    /// <summary>Column elements below which one thread is faster.</summary>
    private const long MinParallelElements = 128 * 1024;

    /// <summary>Im2col of output rows [oy0, oy0 + rows): input [C, H, W] to columns [ColumnRows, rows x OutWidth] (row stride <paramref name="rowStride"/>).</summary>
    public static void UnfoldRows(ReadOnlySpan<float> input, in ConvGeometry g, int oy0, int rows, Span<float> columns, int rowStride, int threads) =>
        SplitByChannel<Unfold>(input, g, oy0, rows, columns, rowStride, threads);

    /// <summary>The adjoint: adds the columns of output rows [oy0, oy0 + rows) back into the input image [C, H, W].</summary>
    public static void FoldAddRows(ReadOnlySpan<float> columns, in ConvGeometry g, int oy0, int rows, Span<float> input, int rowStride, int threads) =>
        SplitByChannel<FoldAdd>(columns, g, oy0, rows, input, rowStride, threads);

    /// <summary>Runs <typeparamref name="TOp"/> on channel ranges in parallel, or on all channels at once when small.</summary>
    private static void SplitByChannel<TOp>(ReadOnlySpan<float> source, in ConvGeometry g, int oy0, int rows, Span<float> destination, int rowStride, int threads)
        where TOp : struct, IChannelRangeOp
    {
        int parts = Parts(g, rows, threads);
        if (parts <= 1)
        {
            TOp.Run(source, g, oy0, rows, destination, 0, g.Channels, rowStride);
            return;
        }

        fixed (float* src = source)
        fixed (float* dst = destination)
        {
            float* from = src;
            float* to = dst;
            (int sourceLength, int destinationLength, ConvGeometry geometry) = (source.Length, destination.Length, g);
            ParallelWork.Run(parts, threads, part =>
            {
                (int c0, int count) = Partition.Slice(geometry.Channels, 1, parts, part);
                TOp.Run(new ReadOnlySpan<float>(from, sourceLength), geometry, oy0, rows, new Span<float>(to, destinationLength), c0, c0 + count, rowStride);
            });
        }
    }

    private static int Parts(in ConvGeometry g, int rows, int threads)
    {
        long elements = (long)g.ColumnRows * rows * g.OutWidth;
        return threads <= 1 || elements < MinParallelElements ? 1 : Math.Min(g.Channels, threads * 2);
    }

    /// <summary>Unfold or fold of channels [c0, c1) of one band.</summary>
    private interface IChannelRangeOp
    {
        static abstract void Run(ReadOnlySpan<float> source, in ConvGeometry g, int oy0, int rows, Span<float> destination, int c0, int c1, int rowStride);
    }

    private readonly struct Unfold : IChannelRangeOp
    {
        public static void Run(ReadOnlySpan<float> source, in ConvGeometry g, int oy0, int rows, Span<float> destination, int c0, int c1, int rowStride) =>
            Im2Col.UnfoldRows(source, g, oy0, rows, destination, c0, c1, rowStride);
    }

    private readonly struct FoldAdd : IChannelRangeOp
    {
        public static void Run(ReadOnlySpan<float> source, in ConvGeometry g, int oy0, int rows, Span<float> destination, int c0, int c1, int rowStride) =>
            Im2Col.FoldAddRows(source, g, oy0, rows, destination, c0, c1, rowStride);
    }
}
