using Demix.Engine.Autograd;

namespace Demix.Engine.Tensors;

/// <summary>2-d max and average pooling over [N, C, H, W] (padding counts as -inf for max and as 0 for average).</summary>
public sealed partial class Tensor
{
    /// <summary>Max pooling; result [N, C, (H + 2p - k) / s + 1, (W + 2p - k) / s + 1]. Stride defaults to the kernel size.</summary>
    public Tensor MaxPool2d(int kernelSize, int stride = 0, int padding = 0)
    {
        var (n, c, oh, ow, s) = PoolShape(kernelSize, stride, padding);
        int h = Shape[2], w = Shape[3];
        var data = new float[n * c * oh * ow];
        var argMax = new int[data.Length];
        for (int plane = 0; plane < n * c; plane++)
        for (int oy = 0; oy < oh; oy++)
        for (int ox = 0; ox < ow; ox++)
        {
            float best = float.NegativeInfinity;
            int bestIndex = -1;
            for (int ky = 0; ky < kernelSize; ky++)
            {
                int iy = oy * s - padding + ky;
                if (iy < 0 || iy >= h) continue;
                for (int kx = 0; kx < kernelSize; kx++)
                {
                    int ix = ox * s - padding + kx;
                    if (ix < 0 || ix >= w) continue;
                    int index = (plane * h + iy) * w + ix;
                    if (Data[index] > best || bestIndex < 0) (best, bestIndex) = (Data[index], index);
                }
            }
            int o = (plane * oh + oy) * ow + ox;
            data[o] = best;
            argMax[o] = bestIndex;
        }
        var output = new Tensor([n, c, oh, ow], data);
        if (GradMode.IsRecording(this))
        {
            output.SetBackward([this], grad =>
            {
                var dx = EnsureGrad();
                for (int o = 0; o < argMax.Length; o++) dx[argMax[o]] += grad[o];
            });
        }
        return output;
    }

    /// <summary>Average pooling (zero padding included in the count, PyTorch's count_include_pad); stride defaults to the kernel size.</summary>
    public Tensor AvgPool2d(int kernelSize, int stride = 0, int padding = 0)
    {
        var (n, c, oh, ow, s) = PoolShape(kernelSize, stride, padding);
        int h = Shape[2], w = Shape[3];
        float scale = 1f / (kernelSize * kernelSize);
        var data = new float[n * c * oh * ow];
        AveragePool(Data, data, n * c, h, w, oh, ow, kernelSize, s, padding, scale, adjoint: false);
        var output = new Tensor([n, c, oh, ow], data);
        if (GradMode.IsRecording(this))
        {
            output.SetBackward([this], grad =>
            {
                var dx = EnsureGrad();
                AveragePool(dx, grad, n * c, h, w, oh, ow, kernelSize, s, padding, scale, adjoint: true);
            });
        }
        return output;
    }

    private (int N, int C, int OutHeight, int OutWidth, int Stride) PoolShape(int kernelSize, int stride, int padding)
    {
        if (Rank != 4) throw new ArgumentException($"Pooling expects [N, C, H, W], got {ShapeText}.");
        int s = stride <= 0 ? kernelSize : stride;
        if (padding * 2 > kernelSize) throw new ArgumentException($"Pool padding {padding} must be at most half the kernel {kernelSize}.");
        int oh = (Shape[2] + 2 * padding - kernelSize) / s + 1, ow = (Shape[3] + 2 * padding - kernelSize) / s + 1;
        if (oh <= 0 || ow <= 0) throw new ArgumentException($"Pool kernel {kernelSize} is larger than the input {ShapeText}.");
        return (Shape[0], Shape[1], oh, ow, s);
    }

    /// <summary>
    /// pooled[o] = scale * sum of the in-bounds taps of image; with <paramref name="adjoint"/>, image[i] += scale * pooled[o]
    /// for every tap instead (the backward pass). image: [planes, h, w]; pooled: [planes, oh, ow].
    /// </summary>
    private static void AveragePool(float[] image, float[] pooled, int planes, int h, int w, int oh, int ow, int k, int s, int padding, float scale, bool adjoint)
    {
        for (int plane = 0; plane < planes; plane++)
        for (int oy = 0; oy < oh; oy++)
        for (int ox = 0; ox < ow; ox++)
        {
            int o = (plane * oh + oy) * ow + ox;
            int y0 = Math.Max(oy * s - padding, 0), y1 = Math.Min(oy * s - padding + k, h);
            int x0 = Math.Max(ox * s - padding, 0), x1 = Math.Min(ox * s - padding + k, w);
            if (adjoint)
            {
                float share = pooled[o] * scale;
                for (int iy = y0; iy < y1; iy++)
                for (int ix = x0; ix < x1; ix++) image[(plane * h + iy) * w + ix] += share;
                continue;
            }
            float sum = 0f;
            for (int iy = y0; iy < y1; iy++)
            for (int ix = x0; ix < x1; ix++) sum += image[(plane * h + iy) * w + ix];
            pooled[o] = sum * scale;
        }
    }
}
