namespace Demix.Engine.Tensors;

/// <summary>
/// Hyper-parameters of a 2-d (transposed) convolution in pixels. Padding may be asymmetric; with
/// <see cref="Same"/> the padding is TensorFlow's "SAME" rule computed from the input size (for a conv: total
/// padding max((ceil(n/s)-1)*s + (k-1)*d + 1 - n, 0), the smaller half before). For a transposed conv the
/// paddings are the amounts cropped from the full output (PyTorch padding p with output_padding q is
/// top = p, bottom = p - q).
/// </summary>
public sealed record ConvOptions
{
    /// <summary>Vertical stride.</summary>
    public int StrideHeight { get; init; } = 1;

    /// <summary>Horizontal stride.</summary>
    public int StrideWidth { get; init; } = 1;

    /// <summary>Rows of zeros before the input (or rows cropped at the top of a transposed conv's output).</summary>
    public int PadTop { get; init; }

    /// <summary>Rows of zeros after the input (or cropped at the bottom).</summary>
    public int PadBottom { get; init; }

    /// <summary>Columns of zeros before the input (or cropped at the left).</summary>
    public int PadLeft { get; init; }

    /// <summary>Columns of zeros after the input (or cropped at the right).</summary>
    public int PadRight { get; init; }

    /// <summary>Vertical dilation of the kernel.</summary>
    public int DilationHeight { get; init; } = 1;

    /// <summary>Horizontal dilation of the kernel.</summary>
    public int DilationWidth { get; init; } = 1;

    /// <summary>Channel groups (input and output channels must divide by it).</summary>
    public int Groups { get; init; } = 1;

    /// <summary>TensorFlow "SAME" padding (output size ceil(n / stride)); overrides the explicit paddings.</summary>
    public bool Same { get; init; }

    /// <summary>Default options: stride 1, no padding, no dilation, one group.</summary>
    public static ConvOptions Default { get; } = new();

    /// <summary>Square stride, symmetric padding and dilation (PyTorch style).</summary>
    public static ConvOptions Create(int stride = 1, int padding = 0, int dilation = 1, int groups = 1) => new()
    {
        StrideHeight = stride, StrideWidth = stride,
        PadTop = padding, PadBottom = padding, PadLeft = padding, PadRight = padding,
        DilationHeight = dilation, DilationWidth = dilation, Groups = groups,
    };

    /// <summary>TF "SAME" padding with a square stride.</summary>
    public static ConvOptions TfSame(int stride = 1, int dilation = 1, int groups = 1) => new()
    {
        StrideHeight = stride, StrideWidth = stride, DilationHeight = dilation, DilationWidth = dilation, Groups = groups, Same = true,
    };

    /// <summary>(before, after) padding of one axis for a conv: explicit, or TF "SAME" from the input size.</summary>
    internal (int Before, int After) ConvPadding(bool vertical, int inputSize, int kernelSize)
    {
        if (!Same) return vertical ? (PadTop, PadBottom) : (PadLeft, PadRight);
        int stride = vertical ? StrideHeight : StrideWidth, dilation = vertical ? DilationHeight : DilationWidth;
        int outSize = (inputSize + stride - 1) / stride;
        int total = Math.Max((outSize - 1) * stride + (kernelSize - 1) * dilation + 1 - inputSize, 0);
        return (total / 2, total - total / 2);
    }

    /// <summary>(start, end) crop of one axis for a transposed conv: explicit, or TF "SAME" (output = input * stride).</summary>
    internal (int Before, int After) TransposedCrop(bool vertical, int inputSize, int kernelSize)
    {
        if (!Same) return vertical ? (PadTop, PadBottom) : (PadLeft, PadRight);
        int stride = vertical ? StrideHeight : StrideWidth, dilation = vertical ? DilationHeight : DilationWidth;
        int full = (inputSize - 1) * stride + (kernelSize - 1) * dilation + 1;
        int total = Math.Max(full - inputSize * stride, 0);
        return (total / 2, total - total / 2);
    }
}
