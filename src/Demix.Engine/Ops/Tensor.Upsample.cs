using Demix.Engine.Autograd;

namespace Demix.Engine.Tensors;

/// <summary>Upsampling of [N, C, H, W] images: nearest neighbour and bilinear (PyTorch F.interpolate conventions).</summary>
public sealed partial class Tensor
{
    /// <summary>Nearest neighbour to [N, C, outHeight, outWidth]: source index floor(i * in / out).</summary>
    public Tensor UpsampleNearest(int outHeight, int outWidth)
    {
        if (Rank != 4) throw new ArgumentException($"Upsampling expects [N, C, H, W], got {ShapeText}.");
        var maps = new int[4][];
        maps[0] = Enumerable.Range(0, Shape[0]).ToArray();
        maps[1] = Enumerable.Range(0, Shape[1]).ToArray();
        maps[2] = Enumerable.Range(0, outHeight).Select(i => (int)((long)i * Shape[2] / outHeight)).ToArray();
        maps[3] = Enumerable.Range(0, outWidth).Select(i => (int)((long)i * Shape[3] / outWidth)).ToArray();
        return Gather(maps);
    }

    /// <summary>
    /// Bilinear to [N, C, outHeight, outWidth]. With <paramref name="alignCorners"/> false (PyTorch's default) the
    /// source coordinate is (i + 0.5) * in / out - 0.5, clamped at 0; with true it is i * (in - 1) / (out - 1).
    /// </summary>
    public Tensor UpsampleBilinear(int outHeight, int outWidth, bool alignCorners = false)
    {
        if (Rank != 4) throw new ArgumentException($"Upsampling expects [N, C, H, W], got {ShapeText}.");
        int planes = Shape[0] * Shape[1], h = Shape[2], w = Shape[3];
        var rows = InterpolationTaps(h, outHeight, alignCorners);
        var cols = InterpolationTaps(w, outWidth, alignCorners);
        var data = new float[planes * outHeight * outWidth];
        ForEachBilinearTap(planes, h, w, rows, cols, (o, i, weight) => data[o] += weight * Data[i]);
        var output = new Tensor([Shape[0], Shape[1], outHeight, outWidth], data);
        if (GradMode.IsRecording(this))
        {
            output.SetBackward([this], grad =>
            {
                var dx = EnsureGrad();
                ForEachBilinearTap(planes, h, w, rows, cols, (o, i, weight) => dx[i] += weight * grad[o]);
            });
        }
        return output;
    }

    /// <summary>For each output index: the two source indices and the weight of the second.</summary>
    private static (int Low, int High, float Fraction)[] InterpolationTaps(int inSize, int outSize, bool alignCorners)
    {
        var taps = new (int, int, float)[outSize];
        for (int i = 0; i < outSize; i++)
        {
            double source = alignCorners
                ? (outSize > 1 ? i * (double)(inSize - 1) / (outSize - 1) : 0)
                : Math.Max((i + 0.5) * inSize / outSize - 0.5, 0);
            int low = Math.Min((int)source, inSize - 1);
            int high = Math.Min(low + 1, inSize - 1);
            taps[i] = (low, high, (float)(source - low));
        }
        return taps;
    }

    private static void ForEachBilinearTap(int planes, int h, int w, (int Low, int High, float Fraction)[] rows,
        (int Low, int High, float Fraction)[] cols, Action<int, int, float> tap)
    {
        int oh = rows.Length, ow = cols.Length;
        for (int plane = 0; plane < planes; plane++)
        for (int oy = 0; oy < oh; oy++)
        for (int ox = 0; ox < ow; ox++)
        {
            int o = (plane * oh + oy) * ow + ox;
            var (y0, y1, fy) = rows[oy];
            var (x0, x1, fx) = cols[ox];
            int b = plane * h * w;
            tap(o, b + y0 * w + x0, (1 - fy) * (1 - fx));
            tap(o, b + y0 * w + x1, (1 - fy) * fx);
            tap(o, b + y1 * w + x0, fy * (1 - fx));
            tap(o, b + y1 * w + x1, fy * fx);
        }
    }
}
