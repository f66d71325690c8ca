using Demix.Imaging.Colour;

namespace Demix.Imaging.Heatmaps;

/// <summary>How a matrix becomes pixels in a heatmap: which source cell (or blend of cells) each pixel shows.</summary>
public enum Resampling
{
    /// <summary>Each pixel shows the cell under its centre.</summary>
    Nearest,
    /// <summary>Each pixel blends the four cells around its centre (values are blended, then coloured).</summary>
    Bilinear,
    /// <summary>
    /// Each pixel averages the cells it covers, weighted by overlap (values, e.g. dB, are averaged, then
    /// coloured): for squeezing long spectrograms without skipping frames.
    /// </summary>
    Area,
}

/// <summary>Settings of <see cref="HeatmapImage.Render"/>.</summary>
public sealed record HeatmapOptions
{
    /// <summary>Value drawn with the lowest colour; lower values are clamped (e.g. -80 dB).</summary>
    public double MinValue { get; init; } = -80;

    /// <summary>Value drawn with the highest colour; higher values are clamped (e.g. 0 dB).</summary>
    public double MaxValue { get; init; }

    public ColourMap ColourMap { get; init; } = ColourMap.Magma;

    /// <summary>Image width in pixels; 0 means one pixel per matrix column.</summary>
    public int Width { get; init; }

    /// <summary>Image height in pixels; 0 means one pixel per matrix row.</summary>
    public int Height { get; init; }

    public Resampling Resampling { get; init; } = Resampling.Nearest;

    /// <summary>How the values lie in memory (row-major [rows, columns] unless set).</summary>
    public MatrixLayout Layout { get; init; } = MatrixLayout.RowMajor;

    /// <summary>The fraction of the colour range that <paramref name="value"/> reaches (clamped to [0, 1]; NaN stays NaN).</summary>
    public double Fraction(double value) => Math.Clamp((value - MinValue) / (MaxValue - MinValue), 0, 1);

    internal void Validate()
    {
        if (!(MaxValue > MinValue) || !double.IsFinite(MinValue) || !double.IsFinite(MaxValue))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxValue), $"Value range [{MinValue}, {MaxValue}] must be finite and non-empty.");
        }
        if (Width < 0 || Height < 0) throw new ArgumentOutOfRangeException(nameof(Width), $"Image size {Width}x{Height} cannot be negative.");
    }
}
