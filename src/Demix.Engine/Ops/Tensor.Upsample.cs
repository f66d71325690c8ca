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
        Bilinear(Data, data, planes, h, w, rows, cols, adjoint: false);
        var output = new Tensor([Shape[0], Shape[1], outHeight, outWidth], data);
        if (GradMode.IsRecording(this))
        {
            output.SetBackward([this], grad =>
            {
                var dx = EnsureGrad();
                Bilinear(dx, grad, planes, h, w, rows, cols, adjoint: true);
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

    /// <summary>
    /// resized[o] = the bilinear blend of the four taps of image; with <paramref name="adjoint"/>, each tap of image
    /// receives its weight times resized[o] instead (the backward pass). image: [planes, h, w].
    /// </summary>
    private static void Bilinear(float[] image, float[] resized, int planes, int h, int w,
        (int Low, int High, float Fraction)[] rows, (int Low, int High, float Fraction)[] cols, bool adjoint)
    {
        int oh = rows.Length, ow = cols.Length;
        for (int plane = 0; plane < planes; plane++)
        for (int oy = 0; oy < oh; oy++)
        {
            var (y0, y1, fy) = rows[oy];
            int top = (plane * h + y0) * w, bottom = (plane * h + y1) * w;
            for (int ox = 0; ox < ow; ox++)
            {
                int o = (plane * oh + oy) * ow + ox;
                var (x0, x1, fx) = cols[ox];
                float w00 = (1 - fy) * (1 - fx), w01 = (1 - fy) * fx, w10 = fy * (1 - fx), w11 = fy * fx;
                if (!adjoint)
                {
                    resized[o] = w00 * image[top + x0] + w01 * image[top + x1] + w10 * image[bottom + x0] + w11 * image[bottom + x1];
                    continue;
                }
                float g = resized[o];
                image[top + x0] += w00 * g;
                image[top + x1] += w01 * g;
                image[bottom + x0] += w10 * g;
                image[bottom + x1] += w11 * g;
            }
        }
    }
}
