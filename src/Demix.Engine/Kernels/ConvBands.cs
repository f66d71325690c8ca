namespace Demix.Engine.Kernels;

/// <summary>
/// How a convolution is cut into work items: (image, group, band of output rows). Bands keep the im2col slab
/// near 256 KiB (in L2) but give every matrix product at least 256 columns; the items run in parallel (one thread
/// per product) when there are enough of them, otherwise one after another with the products split over the cores.
/// </summary>
internal readonly record struct ConvBands(int Rows, int Count, int Items, bool ParallelItems, int GemmThreads)
{
    private const long TargetColumnFloats = 64 * 1024;
    private const int MinProductColumns = 256;

    /// <summary>
    /// The cut for <paramref name="shape"/>. With <paramref name="disjointAlternate"/>, bands are tall enough
    /// that bands two apart never touch the same input rows (the data gradient folds even, then odd bands in parallel).
    /// </summary>
    public static ConvBands Plan(in Conv2dShape shape, int threads, bool disjointAlternate)
    {
        ConvGeometry g = shape.Geometry;
        long perRow = (long)g.ColumnRows * g.OutWidth;
        int rows = (int)Math.Max(1, TargetColumnFloats / perRow);
        rows = Math.Max(rows, (MinProductColumns + g.OutWidth - 1) / g.OutWidth);
        if (disjointAlternate)
        {
            int reach = (g.KernelHeight - 1) * g.DilationHeight + 1;
            rows = Math.Max(rows, (reach + g.StrideHeight - 1) / g.StrideHeight);
        }

        rows = Math.Min(rows, g.OutHeight);
        int count = (g.OutHeight + rows - 1) / rows;
        int items = shape.Batch * shape.Groups * count;
        bool parallelItems = threads > 1 && items >= 2 * threads;
        return new ConvBands(rows, count, items, parallelItems, parallelItems ? 1 : threads);
    }

    /// <summary>Image, group and band of work item <paramref name="item"/> (band fastest).</summary>
    public (int Image, int Group, int Band) Decode(int item, int groups) =>
        (item / (groups * Count), item / Count % groups, item % Count);

    /// <summary>First output row and row count of band b.</summary>
    public (int Oy0, int Rows) RowsOf(int band, int outHeight) =>
        (band * Rows, Math.Min(Rows, outHeight - band * Rows));
}
