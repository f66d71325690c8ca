namespace Demix.Engine.Kernels;

/// <summary>
/// A batched, grouped 2-d convolution: input [Batch, Groups * Geometry.Channels, Height, Width],
/// weight [OutChannels, Geometry.Channels, KernelHeight, KernelWidth], bias [OutChannels],
/// output [Batch, OutChannels, OutHeight, OutWidth]; <see cref="Geometry"/> describes one group of one image.
/// </summary>
public readonly record struct Conv2dShape(int Batch, int Groups, int OutChannels, ConvGeometry Geometry)
{
    /// <summary>Channels of the whole input: Groups * Geometry.Channels.</summary>
    public int InChannels => Groups * Geometry.Channels;

    /// <summary>Output channels per group.</summary>
    public int GroupOutChannels => OutChannels / Groups;

    /// <summary>Pixels of one output plane: OutHeight * OutWidth.</summary>
    public int OutPixels => Geometry.OutHeight * Geometry.OutWidth;

    /// <summary>Pixels of one input plane: Height * Width.</summary>
    public int InPixels => Geometry.Height * Geometry.Width;

    /// <summary>Elements of the input tensor.</summary>
    public long InputLength => (long)Batch * InChannels * InPixels;

    /// <summary>Elements of the output tensor.</summary>
    public long OutputLength => (long)Batch * OutChannels * OutPixels;

    /// <summary>Elements of the weight tensor.</summary>
    public long WeightLength => (long)OutChannels * Geometry.ColumnRows;

    /// <summary>Offset of image n, group g in the input.</summary>
    internal long InputOffset(int n, int g) => ((long)n * InChannels + (long)g * Geometry.Channels) * InPixels;

    /// <summary>Offset of image n, group g, output row oy in the output.</summary>
    internal long OutputOffset(int n, int g, int oy) =>
        ((long)n * OutChannels + (long)g * GroupOutChannels) * OutPixels + (long)oy * Geometry.OutWidth;

    /// <summary>Throws <see cref="ArgumentException"/> when the sizes are inconsistent.</summary>
    internal void Validate()
    {
        ConvGeometry g = Geometry;
        if (Batch < 0 || Groups < 1 || OutChannels < 1 || OutChannels % Groups != 0)
        {
            throw new ArgumentException($"Conv2d: batch {Batch}, groups {Groups} and {OutChannels} output channels do not fit (output channels must divide into groups).");
        }

        if (g.Channels < 1 || g.Height < 1 || g.Width < 1 || g.KernelHeight < 1 || g.KernelWidth < 1
            || g.StrideHeight < 1 || g.StrideWidth < 1 || g.DilationHeight < 1 || g.DilationWidth < 1
            || g.OutHeight < 1 || g.OutWidth < 1 || g.PadTop < 0 || g.PadLeft < 0)
        {
            throw new ArgumentException($"Conv2d: invalid geometry {g}.");
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> when a span is shorter than its tensor.</summary>
    internal static void CheckLength(string name, int length, long needed)
    {
        if (length < needed)
        {
            throw new ArgumentException($"Conv2d: {name} holds {length} elements but the shape needs {needed}.");
        }
    }
}
