using Demix.Engine.Kernels;

namespace Demix.Engine.Tensors;

/// <summary>
/// Checks the operands of a (transposed) convolution and resolves its padding into the kernels' description
/// (<see cref="Conv2dShape"/>: batch, groups, output channels and the per-group <see cref="ConvGeometry"/>).
/// </summary>
internal static class ConvPlan
{
    /// <summary>A conv: input [N, C, H, W], weight [O, C/groups, kH, kW], bias [O].</summary>
    public static Conv2dShape ForConv(Tensor input, Tensor weight, Tensor? bias, ConvOptions o)
    {
        if (input.Rank != 4 || weight.Rank != 4) throw new ArgumentException($"Conv2d expects [N, C, H, W] and [O, C/g, kH, kW], got {input.ShapeText} and {weight.ShapeText}.");
        int groups = o.Groups, channels = input.Shape[1], outChannels = weight.Shape[0];
        if (groups <= 0 || channels % groups != 0 || outChannels % groups != 0 || weight.Shape[1] != channels / groups)
        {
            throw new ArgumentException($"Conv2d: input {input.ShapeText}, weight {weight.ShapeText} and {groups} groups do not fit.");
        }
        if (bias is not null && bias.Length != outChannels) throw new ArgumentException($"Conv2d: bias {bias.ShapeText} does not match {outChannels} channels.");
        int height = input.Shape[2], width = input.Shape[3], kh = weight.Shape[2], kw = weight.Shape[3];
        var (top, bottom) = o.ConvPadding(true, height, kh);
        var (left, right) = o.ConvPadding(false, width, kw);
        int outHeight = (height + top + bottom - o.DilationHeight * (kh - 1) - 1) / o.StrideHeight + 1;
        int outWidth = (width + left + right - o.DilationWidth * (kw - 1) - 1) / o.StrideWidth + 1;
        if (outHeight <= 0 || outWidth <= 0) throw new ArgumentException($"Conv2d: kernel {kh}x{kw} does not fit the padded input {input.ShapeText}.");
        var geometry = new ConvGeometry(channels / groups, height, width, kh, kw, o.StrideHeight, o.StrideWidth, top, left,
            o.DilationHeight, o.DilationWidth, outHeight, outWidth);
        return new Conv2dShape(input.Shape[0], groups, outChannels, geometry);
    }

    /// <summary>
    /// A transposed conv as the adjoint of a conv: input [N, Cin, H, W] plays the conv's output and the result
    /// [N, Cout, OH, OW] the conv's input. weight: [Cin, Cout/groups, kH, kW] (the conv's [O, C/g, kH, kW]).
    /// </summary>
    public static Conv2dShape ForTransposed(Tensor input, Tensor weight, Tensor? bias, ConvOptions o)
    {
        if (input.Rank != 4 || weight.Rank != 4) throw new ArgumentException($"ConvTranspose2d expects [N, Cin, H, W] and [Cin, Cout/g, kH, kW], got {input.ShapeText} and {weight.ShapeText}.");
        int groups = o.Groups, inChannels = input.Shape[1];
        if (groups <= 0 || weight.Shape[0] != inChannels || inChannels % groups != 0) throw new ArgumentException($"ConvTranspose2d: input {input.ShapeText} and weight {weight.ShapeText} do not fit.");
        int outChannels = weight.Shape[1] * groups;
        if (bias is not null && bias.Length != outChannels) throw new ArgumentException($"ConvTranspose2d: bias {bias.ShapeText} does not match {outChannels} channels.");
        int height = input.Shape[2], width = input.Shape[3], kh = weight.Shape[2], kw = weight.Shape[3];
        var (top, bottom) = o.TransposedCrop(true, height, kh);
        var (left, right) = o.TransposedCrop(false, width, kw);
        int outHeight = (height - 1) * o.StrideHeight + o.DilationHeight * (kh - 1) + 1 - top - bottom;
        int outWidth = (width - 1) * o.StrideWidth + o.DilationWidth * (kw - 1) + 1 - left - right;
        if (outHeight <= 0 || outWidth <= 0) throw new ArgumentException($"ConvTranspose2d: the crop removes the whole output of {input.ShapeText}.");
        // The conv whose adjoint we compute reads an image [Cout/g, OH, OW] and produces [Cin/g, H, W].
        var geometry = new ConvGeometry(outChannels / groups, outHeight, outWidth, kh, kw, o.StrideHeight, o.StrideWidth, top, left,
            o.DilationHeight, o.DilationWidth, height, width);
        return new Conv2dShape(input.Shape[0], groups, inChannels, geometry);
    }
}
