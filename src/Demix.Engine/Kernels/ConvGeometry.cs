namespace Demix.Engine.Kernels;

/// <summary>
/// The index arithmetic of one 2-d convolution over a single image [Channels, Height, Width]:
/// kernel size, stride, leading zero padding (top/left; the trailing side follows from OutHeight/OutWidth)
/// and dilation, all in pixels.
/// </summary>
public readonly record struct ConvGeometry(
    int Channels, int Height, int Width,
    int KernelHeight, int KernelWidth,
    int StrideHeight, int StrideWidth,
    int PadTop, int PadLeft,
    int DilationHeight, int DilationWidth,
    int OutHeight, int OutWidth)
{
    /// <summary>Rows of the unfolded column matrix: Channels * KernelHeight * KernelWidth.</summary>
    public int ColumnRows => Channels * KernelHeight * KernelWidth;

    /// <summary>Columns of the unfolded matrix: OutHeight * OutWidth.</summary>
    public int ColumnCount => OutHeight * OutWidth;
}
