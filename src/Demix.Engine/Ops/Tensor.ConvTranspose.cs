using Demix.Engine.Autograd;
using Demix.Engine.Kernels;

namespace Demix.Engine.Tensors;

/// <summary>
/// Transposed 2-d convolution: the adjoint of <see cref="Conv2d"/>, via GEMM + <see cref="Im2Col.FoldAddRows"/>,
/// in bands of input rows so that the column slab stays in cache.
/// </summary>
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
        int rowsK = g0.ColumnRows, pixels = plan.OutPixels, width = g0.OutWidth, inGroup = plan.InChannels / plan.Groups;
        int band = plan.BandRows(inGroup);
        var data = new float[plan.Batch * plan.OutChannels * g0.Height * g0.Width];
        var columns = Buffers.Uninitialized(rowsK * band * width);
        for (int n = 0; n < plan.Batch; n++)
        for (int g = 0; g < plan.Groups; g++)
        {
            var w = weight.Data.AsSpan(g * inGroup * rowsK);
            var outImage = data.AsSpan(plan.InputOffset(n, g), plan.ImageLength);
            for (int y0 = 0; y0 < g0.OutHeight; y0 += band)
            {
                int rows = Math.Min(band, g0.OutHeight - y0), bandPixels = rows * width;
                var x = input.Data.AsSpan((n * plan.InChannels + g * inGroup) * pixels + y0 * width);
                // cols [Cout_g kH kW, band] = W_g^T [Cout_g kH kW, Cin_g] · x_g[:, band] [Cin_g, band], folded onto the output
                Gemm.Sgemm(true, false, rowsK, bandPixels, inGroup, 1f, w, rowsK, x, pixels, 0f, columns, bandPixels);
                Im2Col.FoldAddRows(columns, g0, y0, rows, outImage);
            }
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
        int rowsK = g0.ColumnRows, pixels = plan.OutPixels, width = g0.OutWidth, inGroup = plan.InChannels / plan.Groups;
        int band = plan.BandRows(inGroup);
        var columns = Buffers.Uninitialized(rowsK * band * width);
        float[]? inputGrad = input.RequiresGrad ? input.EnsureGrad() : null;
        float[]? weightGrad = weight.RequiresGrad ? weight.EnsureGrad() : null;
        for (int n = 0; n < plan.Batch; n++)
        for (int g = 0; g < plan.Groups; g++)
        {
            var w = weight.Data.AsSpan(g * inGroup * rowsK);
            var gradImage = grad.AsSpan(plan.InputOffset(n, g), plan.ImageLength);
            for (int y0 = 0; y0 < g0.OutHeight; y0 += band)
            {
                int rows = Math.Min(band, g0.OutHeight - y0), bandPixels = rows * width;
                int offset = (n * plan.InChannels + g * inGroup) * pixels + y0 * width;
                // The gradient of an adjoint is the forward conv: dCols = unfold(dY) for this band.
                Im2Col.UnfoldRows(gradImage, g0, y0, rows, columns);
                if (inputGrad is not null)
                {
                    // dX_g[:, band] [Cin_g, band] += W_g [Cin_g, rowsK] · dCols [rowsK, band]
                    Gemm.Sgemm(false, false, inGroup, bandPixels, rowsK, 1f, w, rowsK, columns, bandPixels, 1f, inputGrad.AsSpan(offset), pixels);
                }
                if (weightGrad is not null)
                {
                    // dW_g [Cin_g, rowsK] += x_g[:, band] [Cin_g, band] · dCols^T [band, rowsK]
                    Gemm.Sgemm(false, true, inGroup, rowsK, bandPixels, 1f, input.Data.AsSpan(offset), pixels, columns, bandPixels, 1f,
                        weightGrad.AsSpan(g * inGroup * rowsK), rowsK);
                }
            }
        }
    }
}
