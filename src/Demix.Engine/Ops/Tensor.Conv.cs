using System.Numerics.Tensors;
using Demix.Engine.Autograd;
using Demix.Engine.Kernels;

namespace Demix.Engine.Tensors;

/// <summary>Convolutions (cross-correlation, no kernel flip) via <see cref="Im2Col"/> + <see cref="Gemm"/>.</summary>
public sealed partial class Tensor
{
    /// <summary>
    /// 2-d convolution. input: [N, C, H, W]; weight: [O, C / groups, kH, kW]; bias: [O] or null.
    /// Result: [N, O, OH, OW] with OH = (H + padTop + padBottom - dH (kH - 1) - 1) / sH + 1 (likewise OW).
    /// </summary>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias, ConvOptions? options = null)
    {
        var plan = ConvPlan.ForConv(input, weight, bias, options ?? ConvOptions.Default);
        var data = new float[plan.Batch * plan.OutChannels * plan.OutPixels];
        var columns = plan.IsPointwise ? [] : new float[plan.Geometry.ColumnRows * plan.OutPixels];
        for (int n = 0; n < plan.Batch; n++)
        for (int g = 0; g < plan.Groups; g++)
        {
            var cols = plan.Columns(input.Data, n, g, columns);
            var outBlock = data.AsSpan(plan.OutputOffset(n, g), plan.GroupOutChannels * plan.OutPixels);
            Gemm.Sgemm(false, false, plan.GroupOutChannels, plan.OutPixels, plan.Geometry.ColumnRows, 1f,
                weight.Data.AsSpan(plan.WeightOffset(g)), plan.Geometry.ColumnRows, cols, plan.OutPixels, 0f, outBlock, plan.OutPixels);
        }
        if (bias is not null) AddChannelBias(data, bias.Data, plan.Batch, plan.OutPixels);
        var output = new Tensor([plan.Batch, plan.OutChannels, plan.Geometry.OutHeight, plan.Geometry.OutWidth], data);
        if (GradMode.IsRecording(input, weight, bias))
        {
            output.SetBackward(bias is null ? [input, weight] : [input, weight, bias], grad =>
            {
                if (bias is not null && bias.RequiresGrad) AccumulateChannelBias(grad, bias.EnsureGrad(), plan.Batch, plan.OutPixels);
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
        int rows = plan.Geometry.ColumnRows, pixels = plan.OutPixels, outGroup = plan.GroupOutChannels;
        var columns = new float[rows * pixels];
        var columnGrad = input.RequiresGrad && !plan.IsPointwise ? new float[rows * pixels] : [];
        float[]? weightGrad = weight.RequiresGrad ? weight.EnsureGrad() : null;
        float[]? inputGrad = input.RequiresGrad ? input.EnsureGrad() : null;
        for (int n = 0; n < plan.Batch; n++)
        for (int g = 0; g < plan.Groups; g++)
        {
            var dy = grad.AsSpan(plan.OutputOffset(n, g), outGroup * pixels);
            var w = weight.Data.AsSpan(plan.WeightOffset(g));
            if (weightGrad is not null)
            {
                var cols = plan.Columns(input.Data, n, g, columns);
                // dW_g [O_g, rows] += dY_g [O_g, P] · cols^T [P, rows]
                Gemm.Sgemm(false, true, outGroup, rows, pixels, 1f, dy, pixels, cols, pixels, 1f, weightGrad.AsSpan(plan.WeightOffset(g)), rows);
            }
            if (inputGrad is null) continue;
            var inputBlock = inputGrad.AsSpan(plan.InputOffset(n, g), plan.Geometry.Channels * plan.Geometry.Height * plan.Geometry.Width);
            if (plan.IsPointwise)
            {
                Gemm.Sgemm(true, false, rows, pixels, outGroup, 1f, w, rows, dy, pixels, 1f, inputBlock, pixels);
                continue;
            }
            // dCols [rows, P] = W_g^T [rows, O_g] · dY_g [O_g, P], then folded back onto the image
            Gemm.Sgemm(true, false, rows, pixels, outGroup, 1f, w, rows, dy, pixels, 0f, columnGrad, pixels);
            Im2Col.FoldAdd(columnGrad, plan.Geometry, inputBlock);
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
