using System.Numerics.Tensors;

namespace Demix.Engine.Kernels;

/// <summary>
/// Convolution by im2col + SGEMM, one band of output rows at a time (see <see cref="ConvBands"/>):
/// forward out = W · cols, data gradient cols' = Wᵀ · dY folded back, weight gradient dW += dY · colsᵀ.
/// </summary>
internal static unsafe class ConvIm2ColPath
{
    /// <summary>Most partial sums of a weight gradient.</summary>
    private const int MaxWeightChunks = 8;

    /// <summary>Most floats all partial sums of a weight gradient may take (16 MiB).</summary>
    private const long PartialBudgetFloats = 4L << 20;

    public static void Forward(ConvPointers p, Conv2dShape s, int threads)
    {
        ConvBands bands = ConvBands.Plan(s, threads, disjointAlternate: false);
        ConvGeometry g = s.Geometry;
        ParallelWork.Run(bands.Items, bands.ParallelItems ? threads : 1, item =>
        {
            (int n, int grp, int band) = bands.Decode(item, s.Groups);
            (int oy0, int rows) = bands.RowsOf(band, g.OutHeight);
            int columns = rows * g.OutWidth, stride = ColumnStride(columns);
            Span<float> cols = ScratchBuffer.Columns((long)g.ColumnRows * stride);
            ParallelIm2Col.UnfoldRows(p.InputImage(s, n, grp), g, oy0, rows, cols, stride, bands.GemmThreads);
            float* output = p.Output + s.OutputOffset(n, grp, oy0);
            var outSpan = new Span<float>(output, (s.GroupOutChannels - 1) * s.OutPixels + columns);
            ConvGemm.Run(bands.GemmThreads, false, false, s.GroupOutChannels, columns, g.ColumnRows,
                p.GroupWeight(s, grp), g.ColumnRows, cols, stride, 0f, outSpan, s.OutPixels);
            if (p.Bias != null)
            {
                AddBias(p.Bias + grp * s.GroupOutChannels, output, s.GroupOutChannels, columns, s.OutPixels);
            }
        });
    }

    /// <summary>
    /// dX += fold(Wᵀ · dY). Bands of one image overlap in dX, so they are always added in the same order, even bands
    /// then odd bands (the plan makes bands two apart disjoint, so each pass may run in parallel): the sums in the
    /// overlaps are then the same whether the items run on one thread or several.
    /// </summary>
    public static void BackwardData(ConvPointers p, Conv2dShape s, int threads)
    {
        ConvBands bands = ConvBands.Plan(s, threads, disjointAlternate: true);
        int images = s.Batch * s.Groups;
        for (int parity = 0; parity < 2; parity++)
        {
            int first = parity;
            int perImage = (bands.Count - first + 1) / 2;
            ParallelWork.Run(images * perImage, bands.ParallelItems ? threads : 1, item =>
            {
                int image = item / perImage;
                FoldBand(p, s, bands, image / s.Groups, image % s.Groups, first + 2 * (item % perImage));
            });
        }
    }

    private static void FoldBand(ConvPointers p, in Conv2dShape s, in ConvBands bands, int n, int grp, int band)
    {
        ConvGeometry g = s.Geometry;
        (int oy0, int rows) = bands.RowsOf(band, g.OutHeight);
        int columns = rows * g.OutWidth, stride = ColumnStride(columns);
        Span<float> cols = ScratchBuffer.Columns((long)g.ColumnRows * stride);
        var dy = new ReadOnlySpan<float>(p.Output + s.OutputOffset(n, grp, oy0), (s.GroupOutChannels - 1) * s.OutPixels + columns);
        ConvGemm.Run(bands.GemmThreads, true, false, g.ColumnRows, columns, s.GroupOutChannels,
            p.GroupWeight(s, grp), g.ColumnRows, dy, s.OutPixels, 0f, cols, stride);
        ParallelIm2Col.FoldAddRows(cols, g, oy0, rows, p.InputImageMutable(s, n, grp), stride, bands.GemmThreads);
    }

    /// <summary>
    /// dW (+)= sum over (image, band) items of dY · colsᵀ. The items are cut into contiguous chunks whose number
    /// (<see cref="WeightChunks"/>) depends on the problem size only; each chunk sums its items in order into its own
    /// partial, and the partials are added in chunk order. Which thread runs a chunk, and how many threads ran,
    /// therefore never changes the result. One chunk (large weights) sums straight into dW with the products split.
    /// </summary>
    public static void BackwardWeight(ConvPointers p, Conv2dShape s, int threads, bool accumulate)
    {
        ConvBands bands = ConvBands.Plan(s, threads, disjointAlternate: false);
        long weightLength = s.WeightLength;
        int chunks = WeightChunks(bands.Items, weightLength);
        if (chunks == 1)
        {
            for (int item = 0; item < bands.Items; item++)
            {
                (int n, int grp, int band) = bands.Decode(item, s.Groups);
                float beta = n == 0 && band == 0 && !accumulate ? 0f : 1f;
                WeightBand(p, s, bands, item, p.Weight + grp * s.GroupOutChannels * (long)s.Geometry.ColumnRows, beta, threads);
            }

            return;
        }

        bool parallelChunks = threads > 1;
        float[] partials = ScratchBuffer.Partials(chunks * weightLength);
        fixed (float* partial = partials)
        {
            float* partialBase = partial;
            ParallelWork.Run(chunks, parallelChunks ? threads : 1, chunk =>
            {
                float* target = partialBase + chunk * weightLength;
                new Span<float>(target, checked((int)weightLength)).Clear();
                (int first, int count) = Partition.Slice(bands.Items, 1, chunks, chunk);
                for (int item = first; item < first + count; item++)
                {
                    int grp = bands.Decode(item, s.Groups).Group;
                    WeightBand(p, s, bands, item, target + grp * s.GroupOutChannels * (long)s.Geometry.ColumnRows, 1f, parallelChunks ? 1 : threads);
                }
            });
            SumPartials(partialBase, chunks, weightLength, p.Weight, accumulate);
        }
    }

    /// <summary>
    /// Partial sums of a weight gradient: up to <see cref="MaxWeightChunks"/>, as long as they fit in
    /// <see cref="PartialBudgetFloats"/>; a function of the sizes only.
    /// </summary>
    internal static int WeightChunks(int items, long weightLength) =>
        (int)Math.Clamp(Math.Min(Math.Min(items, MaxWeightChunks), PartialBudgetFloats / weightLength), 1, MaxWeightChunks);

    /// <summary>target (+)= dY · colsᵀ of item <paramref name="item"/>, with the unfold and product split over <paramref name="threads"/>.</summary>
    private static void WeightBand(ConvPointers p, in Conv2dShape s, in ConvBands bands, int item, float* target, float beta, int threads)
    {
        (int n, int grp, int band) = bands.Decode(item, s.Groups);
        ConvGeometry g = s.Geometry;
        (int oy0, int rows) = bands.RowsOf(band, g.OutHeight);
        int columns = rows * g.OutWidth, stride = ColumnStride(columns);
        Span<float> cols = ScratchBuffer.Columns((long)g.ColumnRows * stride);
        ParallelIm2Col.UnfoldRows(p.InputImage(s, n, grp), g, oy0, rows, cols, stride, threads);
        var dy = new ReadOnlySpan<float>(p.Output + s.OutputOffset(n, grp, oy0), (s.GroupOutChannels - 1) * s.OutPixels + columns);
        var dw = new Span<float>(target, s.GroupOutChannels * g.ColumnRows);
        ConvGemm.Run(threads, false, true, s.GroupOutChannels, g.ColumnRows, columns,
            dy, s.OutPixels, cols, stride, beta, dw, g.ColumnRows);
    }

    /// <summary>
    /// Row stride of the column buffer: the band width, plus 16 floats when it is a multiple of 1 KiB (rows 4 KiB
    /// apart share L1 sets, which costs the in-place GEMM about a third of its speed).
    /// </summary>
    internal static int ColumnStride(int columns) => columns % 256 == 0 ? columns + 16 : columns;

    /// <summary>weightGrad (+)= partial 0 + partial 1 + ..., in that order.</summary>
    private static void SumPartials(float* partials, int workers, long length, float* weightGrad, bool accumulate)
    {
        var total = new Span<float>(weightGrad, checked((int)length));
        if (!accumulate)
        {
            total.Clear();
        }

        for (int w = 0; w < workers; w++)
        {
            TensorPrimitives.Add(total, new ReadOnlySpan<float>(partials + w * length, (int)length), total);
        }
    }

    private static void AddBias(float* bias, float* output, int channels, int columns, int planeStride)
    {
        for (int oc = 0; oc < channels; oc++)
        {
            var row = new Span<float>(output + (long)oc * planeStride, columns);
            TensorPrimitives.Add(row, bias[oc], row);
        }
    }
}
