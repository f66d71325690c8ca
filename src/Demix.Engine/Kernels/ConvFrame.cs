namespace Demix.Engine.Kernels;

/// <summary>
/// Direct forward kernel for "frame" convolutions whose kernel runs along the height axis only (kh x 1, stride 1
/// and no padding along the width, e.g. a filter over time frames): with the weights regrouped as [ky][o][c],
/// out[:, rows, :] = sum over ky of W_ky · X[:, rows shifted by ky, :], where each shifted block of input rows is
/// read in place as a matrix with row stride Height * Width. No im2col copy is made.
/// </summary>
internal static unsafe class ConvFrame
{
    /// <summary>Rows of output per work item: about 4 items per thread, at least 1.</summary>
    private const int ItemsPerThread = 4;

    public static bool Applies(in Conv2dShape s)
    {
        ConvGeometry g = s.Geometry;
        return g.KernelWidth == 1 && g.KernelHeight > 1 && g.StrideWidth == 1 && g.StrideHeight == 1
            && g.PadLeft == 0 && g.OutWidth == g.Width;
    }

    public static void Forward(ConvPointers p, Conv2dShape s, int threads)
    {
        ConvGeometry g = s.Geometry;
        int gout = s.GroupOutChannels, cin = g.Channels;
        float[] regrouped = Regroup(p.Weight, s);
        int rowsPerItem = Math.Max(1, (g.OutHeight * s.Batch * s.Groups + threads * ItemsPerThread - 1) / (threads * ItemsPerThread));
        rowsPerItem = Math.Min(rowsPerItem, g.OutHeight);
        int bands = (g.OutHeight + rowsPerItem - 1) / rowsPerItem;
        int items = s.Batch * s.Groups * bands;
        bool parallelItems = threads > 1 && items >= 2 * threads;
        ParallelWork.Run(items, parallelItems ? threads : 1, item =>
        {
            int image = item / bands, band = item % bands;
            int oy0 = band * rowsPerItem, rows = Math.Min(rowsPerItem, g.OutHeight - oy0);
            ForwardBand(p, s, regrouped, image / s.Groups, image % s.Groups, oy0, rows, parallelItems ? 1 : threads);
        });
    }

    private static void ForwardBand(ConvPointers p, in Conv2dShape s, float[] regrouped, int n, int grp, int oy0, int rows, int gemmThreads)
    {
        ConvGeometry g = s.Geometry;
        int gout = s.GroupOutChannels, cin = g.Channels, width = g.Width;
        float* output = p.Output + s.OutputOffset(n, grp, oy0);
        var outSpan = new Span<float>(output, (gout - 1) * s.OutPixels + rows * width);
        for (int o = 0; o < gout; o++)
        {
            outSpan.Slice(o * s.OutPixels, rows * width).Fill(p.Bias == null ? 0f : p.Bias[grp * gout + o]);
        }

        for (int ky = 0; ky < g.KernelHeight; ky++)
        {
            int shift = ky * g.DilationHeight - g.PadTop;
            int first = Math.Max(oy0, -shift), end = Math.Min(oy0 + rows, g.Height - shift);
            if (end <= first)
            {
                continue;
            }

            int columns = (end - first) * width;
            var x = new ReadOnlySpan<float>(p.Input + s.InputOffset(n, grp) + (long)(first + shift) * width, (cin - 1) * s.InPixels + columns);
            var w = regrouped.AsSpan(((ky * s.Groups) + grp) * gout * cin, gout * cin);
            var c = outSpan[((first - oy0) * width)..];
            ConvGemm.Run(gemmThreads, false, false, gout, columns, cin, w, cin, x, s.InPixels, 1f, c, s.OutPixels);
        }
    }

    /// <summary>weight[o, c, ky, 0] regrouped as [ky][group][o in group][c].</summary>
    private static float[] Regroup(float* weight, in Conv2dShape s)
    {
        int kh = s.Geometry.KernelHeight, cin = s.Geometry.Channels;
        var regrouped = new float[s.WeightLength];
        for (int o = 0; o < s.OutChannels; o++)
        for (int c = 0; c < cin; c++)
        for (int ky = 0; ky < kh; ky++)
        {
            regrouped[((long)ky * s.OutChannels + o) * cin + c] = weight[((long)o * cin + c) * kh + ky];
        }

        return regrouped;
    }
}
