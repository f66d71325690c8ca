using Demix.Engine.Kernels;

namespace Demix.Engine.Tensors;

/// <summary>
/// The sizes of one (transposed) convolution call: batch, groups, per-group geometry and the offsets of each
/// (sample, group) block in the input, output and weight arrays.
/// </summary>
internal sealed record ConvPlan(int Batch, int Groups, int InChannels, int OutChannels, ConvGeometry Geometry)
{
    /// <summary>Output channels per group.</summary>
    public int GroupOutChannels => OutChannels / Groups;

    /// <summary>Pixels of the conv's output image (OH * OW of <see cref="Geometry"/>).</summary>
    public int OutPixels => Geometry.OutHeight * Geometry.OutWidth;

    /// <summary>1x1 kernel, stride 1, no padding: the image itself is the column matrix.</summary>
    public bool IsPointwise => Geometry is { KernelHeight: 1, KernelWidth: 1, StrideHeight: 1, StrideWidth: 1, PadTop: 0, PadLeft: 0 }
        && Geometry.OutHeight == Geometry.Height && Geometry.OutWidth == Geometry.Width;

    /// <summary>Plans a conv: input [N, C, H, W], weight [O, C/groups, kH, kW], bias [O].</summary>
    public static ConvPlan ForConv(Tensor input, Tensor weight, Tensor? bias, ConvOptions o)
    {
        if (input.Rank != 4 || weight.Rank != 4) throw new ArgumentException($"Conv2d expects [N, C, H, W] and [O, C/g, kH, kW], got {input.ShapeText} and {weight.ShapeText}.");
        int groups = o.Groups, channels = input.Shape[1], outChannels = weight.Shape[0];
        if (channels % groups != 0 || outChannels % groups != 0 || weight.Shape[1] != channels / groups)
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
        return new ConvPlan(input.Shape[0], groups, channels, outChannels, geometry);
    }

    /// <summary>
    /// Plans a transposed conv as the adjoint of a conv: input [N, Cin, H, W] plays the conv's output and the
    /// result [N, Cout, OH, OW] the conv's input. weight: [Cin, Cout/groups, kH, kW].
    /// </summary>
    public static ConvPlan ForTransposed(Tensor input, Tensor weight, Tensor? bias, ConvOptions o)
    {
        if (input.Rank != 4 || weight.Rank != 4) throw new ArgumentException($"ConvTranspose2d expects [N, Cin, H, W] and [Cin, Cout/g, kH, kW], got {input.ShapeText} and {weight.ShapeText}.");
        int groups = o.Groups, inChannels = input.Shape[1];
        if (weight.Shape[0] != inChannels || inChannels % groups != 0) throw new ArgumentException($"ConvTranspose2d: input {input.ShapeText} and weight {weight.ShapeText} do not fit.");
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
        return new ConvPlan(input.Shape[0], groups, inChannels, outChannels, geometry);
    }

    /// <summary>Bytes of unfolded columns that one band may take: about half of a core's L2 cache.</summary>
    private const long BandBudgetBytes = 512 * 1024;

    /// <summary>
    /// Output rows unfolded at a time. A slab of columns that stays in cache is cheaper than one huge column
    /// matrix when the weights are small (early encoder layers, late decoder layers); when the weights are large,
    /// one product over the whole image reads them once.
    /// </summary>
    public int BandRows
    {
        get
        {
            long rowBytes = (long)Geometry.ColumnRows * Geometry.OutWidth * sizeof(float);
            long weightBytes = (long)GroupOutChannels * Geometry.ColumnRows * sizeof(float);
            if (IsPointwise || weightBytes > BandBudgetBytes / 2 || rowBytes * Geometry.OutHeight <= BandBudgetBytes) return Geometry.OutHeight;
            return (int)Math.Clamp(BandBudgetBytes / rowBytes, 1, Geometry.OutHeight);
        }
    }

    /// <summary>Start of the (n, g) block of the conv's input image [N, C, H, W].</summary>
    public int InputOffset(int n, int g) => ((n * Groups + g) * Geometry.Channels) * Geometry.Height * Geometry.Width;

    /// <summary>Start of the (n, g) block of the conv's output [N, O, OH, OW].</summary>
    public int OutputOffset(int n, int g) => (n * OutChannels + g * GroupOutChannels) * OutPixels;

    /// <summary>Start of group g's filters in a conv weight [O, C/g, kH, kW].</summary>
    public int WeightOffset(int g) => g * GroupOutChannels * Geometry.ColumnRows;

    /// <summary>Length of the (n, g) image block [C/g, H, W].</summary>
    public int ImageLength => Geometry.Channels * Geometry.Height * Geometry.Width;

    /// <summary>
    /// The column matrix [ColumnRows, rows * OutWidth] of output rows [oy0, oy0 + rows) of the (n, g) image: the
    /// image itself when pointwise (whole image only), else unfolded into <paramref name="buffer"/>.
    /// </summary>
    public ReadOnlySpan<float> Columns(float[] image, int n, int g, int oy0, int rows, float[] buffer)
    {
        var block = image.AsSpan(InputOffset(n, g), ImageLength);
        if (IsPointwise) return block;
        Im2Col.UnfoldRows(block, Geometry, oy0, rows, buffer);
        return buffer.AsSpan(0, Geometry.ColumnRows * rows * Geometry.OutWidth);
    }
}
