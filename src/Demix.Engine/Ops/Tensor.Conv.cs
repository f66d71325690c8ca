using System.Numerics.Tensors;
using Demix.Engine.Autograd;
using Demix.Engine.Kernels;

namespace Demix.Engine.Tensors;

/// <summary>Convolutions (cross-correlation, no kernel flip) on the kernels of <see cref="Conv2dKernel"/>.</summary>
public sealed partial class Tensor
{
    /// <summary>
    /// 2-d convolution. input: [N, C, H, W]; weight: [O, C / groups, kH, kW]; bias: [O] or null.
    /// Result: [N, O, OH, OW] with OH = (H + padTop + padBottom - dH (kH - 1) - 1) / sH + 1 (likewise OW).
    /// </summary>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias, ConvOptions? options = null)
    {
        var shape = ConvPlan.ForConv(input, weight, bias, options ?? ConvOptions.Default);
        var data = Buffers.Uninitialized(checked((int)shape.OutputLength));
        Conv2dKernel.Forward(input.Data, weight.Data, bias is null ? [] : bias.Data, data, shape);
        var output = new Tensor([shape.Batch, shape.OutChannels, shape.Geometry.OutHeight, shape.Geometry.OutWidth], data);
        if (GradMode.IsRecording(input, weight, bias))
        {
            output.SetBackward(bias is null ? [input, weight] : [input, weight, bias], grad =>
            {
                if (bias is not null && bias.RequiresGrad) Conv2dKernel.BackwardBias(grad, bias.EnsureGrad(), shape, accumulate: true);
                if (weight.RequiresGrad) Conv2dKernel.BackwardWeight(input.Data, grad, weight.EnsureGrad(), shape, accumulate: true);
                if (input.RequiresGrad) Conv2dKernel.BackwardData(grad, weight.Data, input.EnsureGrad(), shape, accumulate: true);
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
