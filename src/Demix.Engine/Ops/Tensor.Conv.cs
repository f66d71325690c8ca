using System.Numerics.Tensors;
using Demix.Engine.Autograd;
using Demix.Engine.Kernels;

namespace Demix.Engine.Tensors;

/// <summary>
/// Convolutions (cross-correlation, no kernel flip) via <see cref="Im2Col"/> + <see cref="Gemm"/>. The image is
/// unfolded in bands of output rows (<see cref="ConvPlan.BandRows"/>) so that the columns stay in cache.
/// </summary>
public sealed partial class Tensor
{
    /// <summary>
    /// 2-d convolution. input: [N, C, H, W]; weight: [O, C / groups, kH, kW]; bias: [O] or null.
    /// Result: [N, O, OH, OW] with OH = (H + padTop + padBottom - dH (kH - 1) - 1) / sH + 1 (likewise OW).
    /// </summary>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias, ConvOptions? options = null)
    {
        var plan = ConvPlan.ForConv(input, weight, bias, options ?? ConvOptions.Default);
        int rowsK = plan.Geometry.ColumnRows, pixels = plan.OutPixels, outWidth = plan.Geometry.OutWidth, band = plan.BandRows;
        var data = Buffers.Uninitialized(plan.Batch * plan.OutChannels * pixels);
        var columns = plan.IsPointwise ? [] : Buffers.Uninitialized(rowsK * band * outWidth);
        for (int n = 0; n < plan.Batch; n++)
        for (int g = 0; g < plan.Groups; g++)
        {
            var w = weight.Data.AsSpan(plan.WeightOffset(g));
            var outBlock = data.AsSpan(plan.OutputOffset(n, g));
            for (int oy0 = 0; oy0 < plan.Geometry.OutHeight; oy0 += band)
            {
                int rows = Math.Min(band, plan.Geometry.OutHeight - oy0), bandPixels = rows * outWidth;
                var cols = plan.Columns(input.Data, n, g, oy0, rows, columns);
                // out_g[:, band] [O_g, bandPixels] = W_g [O_g, rowsK] · cols [rowsK, bandPixels]
                Gemm.Sgemm(false, false, plan.GroupOutChannels, bandPixels, rowsK, 1f, w, rowsK, cols, bandPixels, 0f,
                    outBlock[(oy0 * outWidth)..], pixels);
            }
        }
        if (bias is not null) AddChannelBias(data, bias.Data, plan.Batch, pixels);
        var output = new Tensor([plan.Batch, plan.OutChannels, plan.Geometry.OutHeight, outWidth], data);
        if (GradMode.IsRecording(input, weight, bias))
        {
            output.SetBackward(bias is null ? [input, weight] : [input, weight, bias], grad =>
            {
                if (bias is not null && bias.RequiresGrad) AccumulateChannelBias(grad, bias.EnsureGrad(), plan.Batch, pixels);
                if (weight.RequiresGrad || input.RequiresGrad) ConvBackward(input, weight, plan, grad);
            });
        }
        return output;
    }

    /// <summary>
    /// 1-d convolution. input: [N, C, L]; weight: [O, C / groups, k]; bias: [O] or null. Uses the width axis of
    /// <paramref name="options"/> (stride, left/right padding, dilation). Result: [N, O, OL].
    /// </summary>
    public static Tensor Conv1d(Tensor input, Tensor weight, Tensor? bias, ConvOptions? options = null)
    {
        if (input.Rank != 3 || weight.Rank != 3) throw new ArgumentException($"Conv1d expects [N, C, L] and [O, C/g, k], got {input.ShapeText} and {weight.ShapeText}.");
        var o = options ?? ConvOptions.Default;
        var flat = o with { StrideHeight = 1, PadTop = 0, PadBottom = 0, DilationHeight = 1 };
        // [N, C, L] -> [N, C, 1, L]: a 1-d conv is a 2-d conv over a single row.
        var output = Conv2d(input.Unsqueeze(2), weight.Unsqueeze(2), bias, flat);
        return output.Squeeze(2);
    }

    private static void ConvBackward(Tensor input, Tensor weight, ConvPlan plan, float[] grad)
    {
        int rowsK = plan.Geometry.ColumnRows, pixels = plan.OutPixels, outGroup = plan.GroupOutChannels;
        int outWidth = plan.Geometry.OutWidth, band = plan.BandRows;
        var columns = plan.IsPointwise ? [] : Buffers.Uninitialized(rowsK * band * outWidth);
        var columnGrad = input.RequiresGrad && !plan.IsPointwise ? Buffers.Uninitialized(rowsK * band * outWidth) : [];
        float[]? weightGrad = weight.RequiresGrad ? weight.EnsureGrad() : null;
        float[]? inputGrad = input.RequiresGrad ? input.EnsureGrad() : null;
        for (int n = 0; n < plan.Batch; n++)
        for (int g = 0; g < plan.Groups; g++)
        {
            var w = weight.Data.AsSpan(plan.WeightOffset(g));
            var inputBlock = inputGrad is null ? [] : inputGrad.AsSpan(plan.InputOffset(n, g), plan.ImageLength);
            for (int oy0 = 0; oy0 < plan.Geometry.OutHeight; oy0 += band)
            {
                int rows = Math.Min(band, plan.Geometry.OutHeight - oy0), bandPixels = rows * outWidth;
                var dy = grad.AsSpan(plan.OutputOffset(n, g) + oy0 * outWidth);
                if (weightGrad is not null)
                {
                    var cols = plan.Columns(input.Data, n, g, oy0, rows, columns);
                    // dW_g [O_g, rowsK] += dY_band [O_g, bandPixels] · cols^T [bandPixels, rowsK]
                    Gemm.Sgemm(false, true, outGroup, rowsK, bandPixels, 1f, dy, pixels, cols, bandPixels, 1f, weightGrad.AsSpan(plan.WeightOffset(g)), rowsK);
                }
                if (inputGrad is null) continue;
                if (plan.IsPointwise)
                {
                    Gemm.Sgemm(true, false, rowsK, pixels, outGroup, 1f, w, rowsK, dy, pixels, 1f, inputBlock, pixels);
                    continue;
                }
                // dCols [rowsK, bandPixels] = W_g^T [rowsK, O_g] · dY_band [O_g, bandPixels], folded back onto the image
                Gemm.Sgemm(true, false, rowsK, bandPixels, outGroup, 1f, w, rowsK, dy, pixels, 0f, columnGrad, bandPixels);
                Im2Col.FoldAddRows(columnGrad, plan.Geometry, oy0, rows, inputBlock);
            }
        }
    }

    /// <summary>data [N, C, P] += bias[c] for every n and pixel.</summary>
    internal static void AddChannelBias(float[] data, float[] bias, int batch, int pixels)
    {
        int channels = bias.Length;
        for (int n = 0; n < batch; n++)
        for (int c = 0; c < channels; c++)
        {
            var block = data.AsSpan((n * channels + c) * pixels, pixels);
            TensorPrimitives.Add(block, bias[c], block);
        }
    }

    /// <summary>biasGrad[c] += sum over n and pixels of grad [N, C, P].</summary>
    internal static void AccumulateChannelBias(float[] grad, float[] biasGrad, int batch, int pixels)
    {
        int channels = biasGrad.Length;
        for (int n = 0; n < batch; n++)
        for (int c = 0; c < channels; c++) biasGrad[c] += TensorPrimitives.Sum(grad.AsSpan((n * channels + c) * pixels, pixels));
    }
}
