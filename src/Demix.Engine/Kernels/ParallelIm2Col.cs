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

    public static void UnfoldRows(ReadOnlySpan<float> input, in ConvGeometry g, int oy0, int rows, Span<float> columns, int rowStride, int threads)
    {
        int parts = Parts(g, rows, threads);
        if (parts <= 1)
        {
            Im2Col.UnfoldRows(input, g, oy0, rows, columns, 0, g.Channels, rowStride);
            return;
        }

        fixed (float* src = input)
        fixed (float* dst = columns)
        {
            float* x = src;
            float* cols = dst;
            (int inLength, int colLength, ConvGeometry geometry) = (input.Length, columns.Length, g);
            ParallelWork.Run(parts, threads, part =>
            {
                (int c0, int count) = Partition.Slice(geometry.Channels, 1, parts, part);
                Im2Col.UnfoldRows(new ReadOnlySpan<float>(x, inLength), geometry, oy0, rows, new Span<float>(cols, colLength), c0, c0 + count, rowStride);
            });
        }
    }

    public static void FoldAddRows(ReadOnlySpan<float> columns, in ConvGeometry g, int oy0, int rows, Span<float> input, int rowStride, int threads)
    {
        int parts = Parts(g, rows, threads);
        if (parts <= 1)
        {
            Im2Col.FoldAddRows(columns, g, oy0, rows, input, 0, g.Channels, rowStride);
            return;
        }

        fixed (float* src = columns)
        fixed (float* dst = input)
        {
            float* cols = src;
            float* x = dst;
            (int colLength, int inLength, ConvGeometry geometry) = (columns.Length, input.Length, g);
            ParallelWork.Run(parts, threads, part =>
            {
                (int c0, int count) = Partition.Slice(geometry.Channels, 1, parts, part);
                Im2Col.FoldAddRows(new ReadOnlySpan<float>(cols, colLength), geometry, oy0, rows, new Span<float>(x, inLength), c0, c0 + count, rowStride);
            });
        }
    }

    private static int Parts(in ConvGeometry g, int rows, int threads)
    {
        long elements = (long)g.ColumnRows * rows * g.OutWidth;
        return threads <= 1 || elements < MinParallelElements ? 1 : Math.Min(g.Channels, threads * 2);
    }
}
