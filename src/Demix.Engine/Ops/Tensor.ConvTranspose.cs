using Demix.Engine.Autograd;
using Demix.Engine.Kernels;

namespace Demix.Engine.Tensors;

/// <summary>Transposed 2-d convolution: the adjoint of <see cref="Conv2d"/> (the data gradient of the conv it transposes).</summary>
public sealed partial class Tensor
{
    /// <summary>
    /// Transposed convolution. input: [N, Cin, H, W]; weight: [Cin, Cout / groups, kH, kW]; bias: [Cout] or null.
    /// The full output has (H - 1) sH + dH (kH - 1) + 1 rows; <paramref name="options"/>' paddings crop it
    /// (top/bottom, left/right), and <see cref="ConvOptions.Same"/> crops to exactly H * sH as TensorFlow's
    /// conv2d_transpose 'SAME' (the smaller half at the start). Result: [N, Cout, OH, OW].
    /// </summary>
    public static Tensor ConvTranspose2d(Tensor input, Tensor weight, Tensor? bias, ConvOptions? options = null)
    {
        // shape describes the conv [N, Cout, OH, OW] -> [N, Cin, H, W] whose adjoint this is.
        var shape = ConvPlan.ForTransposed(input, weight, bias, options ?? ConvOptions.Default);
        var g = shape.Geometry;
        int outChannels = shape.InChannels, outPixels = g.Height * g.Width;
        var data = Buffers.Uninitialized(checked((int)shape.InputLength));
        Conv2dKernel.BackwardData(input.Data, weight.Data, data, shape, accumulate: false);
        if (bias is not null) AddChannelBias(data, bias.Data, shape.Batch, outPixels);
        var output = new Tensor([shape.Batch, outChannels, g.Height, g.Width], data);
        if (GradMode.IsRecording(input, weight, bias))
        {
            output.SetBackward(bias is null ? [input, weight] : [input, weight, bias], grad =>
            {
                if (bias is not null && bias.RequiresGrad) AccumulateChannelBias(grad, bias.EnsureGrad(), shape.Batch, outPixels);
                if (weight.RequiresGrad) Conv2dKernel.BackwardWeight(grad, input.Data, weight.EnsureGrad(), shape, accumulate: true);
                if (!input.RequiresGrad) return;
                // The gradient of an adjoint is the forward conv of the output gradient.
                if (input.Grad is null) Conv2dKernel.Forward(grad, weight.Data, [], input.EnsureGrad(), shape);
                else
                {
                    var dx = Buffers.Uninitialized(input.Length);
                    Conv2dKernel.Forward(grad, weight.Data, [], dx, shape);
                    input.AccumulateGradOwned(dx);
                }
            });
        }
        return output;
    }
}
