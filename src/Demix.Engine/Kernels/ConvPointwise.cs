namespace Demix.Engine.Kernels;

/// <summary>
/// 1x1 convolutions with stride 1 and no padding: each image and group is one matrix product on the
/// [channels, pixels] planes as they lie in memory, with no unfolding.
/// </summary>
internal static unsafe class ConvPointwise
{
    public static bool Applies(in Conv2dShape s)
    {
        ConvGeometry g = s.Geometry;
        return g.KernelHeight == 1 && g.KernelWidth == 1 && g.StrideHeight == 1 && g.StrideWidth == 1
            && g.PadTop == 0 && g.PadLeft == 0 && g.OutHeight == g.Height && g.OutWidth == g.Width;
    }

    /// <summary>Y[o, pixels] = W[o, c] · X[c, pixels] (+ bias).</summary>
    public static void Forward(ConvPointers p, Conv2dShape s, int threads)
    {
        int gout = s.GroupOutChannels, cin = s.Geometry.Channels, pixels = s.InPixels;
        for (int n = 0; n < s.Batch; n++)
        for (int grp = 0; grp < s.Groups; grp++)
        {
            var y = new Span<float>(p.Output + s.OutputOffset(n, grp, 0), gout * pixels);
            ConvGemm.Run(threads, false, false, gout, pixels, cin, p.GroupWeight(s, grp), cin, p.InputImage(s, n, grp), pixels, 0f, y, pixels);
            if (p.Bias != null)
            {
                for (int o = 0; o < gout; o++)
                {
                    var row = y.Slice(o * pixels, pixels);
                    System.Numerics.Tensors.TensorPrimitives.Add(row, p.Bias[grp * gout + o], row);
                }
            }
        }
    }

    /// <summary>dX[c, pixels] (+)= Wᵀ[c, o] · dY[o, pixels].</summary>
    public static void BackwardData(ConvPointers p, Conv2dShape s, int threads, bool accumulate)
    {
        int gout = s.GroupOutChannels, cin = s.Geometry.Channels, pixels = s.InPixels;
        for (int n = 0; n < s.Batch; n++)
        for (int grp = 0; grp < s.Groups; grp++)
        {
            var dy = new ReadOnlySpan<float>(p.Output + s.OutputOffset(n, grp, 0), gout * pixels);
            ConvGemm.Run(threads, true, false, cin, pixels, gout, p.GroupWeight(s, grp), cin, dy, pixels,
                accumulate ? 1f : 0f, p.InputImageMutable(s, n, grp), pixels);
        }
    }

    /// <summary>dW[o, c] (+)= sum over images of dY[o, pixels] · X[c, pixels]ᵀ.</summary>
    public static void BackwardWeight(ConvPointers p, Conv2dShape s, int threads, bool accumulate)
    {
        int gout = s.GroupOutChannels, cin = s.Geometry.Channels, pixels = s.InPixels;
        for (int n = 0; n < s.Batch; n++)
        for (int grp = 0; grp < s.Groups; grp++)
        {
            var dy = new ReadOnlySpan<float>(p.Output + s.OutputOffset(n, grp, 0), gout * pixels);
            var dw = new Span<float>(p.Weight + (long)grp * gout * cin, gout * cin);
            float beta = n == 0 && !accumulate ? 0f : 1f;
            ConvGemm.Run(threads, false, true, gout, cin, pixels, dy, pixels, p.InputImage(s, n, grp), pixels, beta, dw, cin);
        }
    }
}
