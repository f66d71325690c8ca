using Demix.Engine.Autograd;
using Demix.Engine.Kernels;

namespace Demix.Engine.Tensors;

/// <summary>Transposed 2-d convolution: the adjoint of <see cref="Conv2d"/>, via GEMM + <see cref="Im2Col.FoldAdd"/>.</summary>
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
        var plan = ConvPlan.ForTransposed(input, weight, bias, options ?? ConvOptions.Default);
        var g0 = plan.Geometry;
        int rows = g0.ColumnRows, pixels = plan.OutPixels, inGroup = plan.InChannels / plan.Groups;
        int outImage = g0.Channels * g0.Height * g0.Width;
        var data = new float[plan.Batch * plan.OutChannels * g0.Height * g0.Width];
        var columns = new float[rows * pixels];
        for (int n = 0; n < plan.Batch; n++)
        for (int g = 0; g < plan.Groups; g++)
        {
            var x = input.Data.AsSpan((n * plan.InChannels + g * inGroup) * pixels, inGroup * pixels);
            // cols [Cout_g kH kW, H W] = W_g^T [Cout_g kH kW, Cin_g] · x_g [Cin_g, H W]
            Gemm.Sgemm(true, false, rows, pixels, inGroup, 1f, weight.Data.AsSpan(g * inGroup * rows), rows, x, pixels, 0f, columns, pixels);
            Im2Col.FoldAdd(columns, g0, data.AsSpan(plan.InputOffset(n, g), outImage));
        }
        if (bias is not null) AddChannelBias(data, bias.Data, plan.Batch, g0.Height * g0.Width);
        var output = new Tensor([plan.Batch, plan.OutChannels, g0.Height, g0.Width], data);
        if (GradMode.IsRecording(input, weight, bias))
        {
            output.SetBackward(bias is null ? [input, weight] : [input, weight, bias], grad =>
            {
                if (bias is not null && bias.RequiresGrad) AccumulateChannelBias(grad, bias.EnsureGrad(), plan.Batch, g0.Height * g0.Width);
                if (input.RequiresGrad || weight.RequiresGrad) ConvTransposeBackward(input, weight, plan, grad);
            });
        }
        return output;
    }

    private static void ConvTransposeBackward(Tensor input, Tensor weight, ConvPlan plan, float[] grad)
    {
        var g0 = plan.Geometry;
        int rows = g0.ColumnRows, pixels = plan.OutPixels, inGroup = plan.InChannels / plan.Groups;
        int outImage = g0.Channels * g0.Height * g0.Width;
        var columns = new float[rows * pixels];
        float[]? inputGrad = input.RequiresGrad ? input.EnsureGrad() : null;
        float[]? weightGrad = weight.RequiresGrad ? weight.EnsureGrad() : null;
        for (int n = 0; n < plan.Batch; n++)
        for (int g = 0; g < plan.Groups; g++)
        {
            // The gradient of an adjoint is the forward conv: dCols = unfold(dY).
            Im2Col.Unfold(grad.AsSpan(plan.InputOffset(n, g), outImage), g0, columns);
            int inputOffset = (n * plan.InChannels + g * inGroup) * pixels;
            var w = weight.Data.AsSpan(g * inGroup * rows);
            if (inputGrad is not null)
            {
                // dX_g [Cin_g, HW] += W_g [Cin_g, rows] · dCols [rows, HW]
                Gemm.Sgemm(false, false, inGroup, pixels, rows, 1f, w, rows, columns, pixels, 1f, inputGrad.AsSpan(inputOffset), pixels);
            }
            if (weightGrad is not null)
            {
                // dW_g [Cin_g, rows] += x_g [Cin_g, HW] · dCols^T [HW, rows]
                Gemm.Sgemm(false, true, inGroup, rows, pixels, 1f, input.Data.AsSpan(inputOffset), pixels, columns, pixels, 1f,
                    weightGrad.AsSpan(g * inGroup * rows), rows);
            }
        }
    }
}
