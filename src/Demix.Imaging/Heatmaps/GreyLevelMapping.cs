namespace Demix.Imaging.Heatmaps;

/// <summary>
/// The invertible mapping from values to grey levels and back, used by the spectrogram-image datasets
/// (pix2pix, S0): values in [<see cref="MinValue"/>, <see cref="MaxValue"/>] map linearly to levels
/// 0..255 (rounded; outside values clamped), and level L maps back to <c>MinValue + L / 255 * (MaxValue - MinValue)</c>.
/// So levels -> values -> levels is exact, and values -> levels -> values is off by at most half a
/// level, <c>(MaxValue - MinValue) / 510</c>, for values inside the range. Images are one pixel per
/// matrix cell, row 0 of the matrix at the bottom of the image.
/// </summary>
public sealed record GreyLevelMapping(double MinValue, double MaxValue)
{
    /// <summary>The largest error of a value inside the range after a round trip through a grey level.</summary>
    public double QuantisationStep => (MaxValue - MinValue) / 255;

    /// <summary>The grey level of <paramref name="value"/>; NaN gives 0.</summary>
    public byte ToLevel(double value)
    {
        CheckRange();
        double level = (value - MinValue) / (MaxValue - MinValue) * 255;
        return level > 0 ? (byte)Math.Min(255, Math.Round(level)) : (byte)0;
    }

    /// <summary>The value that grey level <paramref name="level"/> stands for.</summary>
    public double ToValue(byte level) => MinValue + level / 255.0 * (MaxValue - MinValue);

    /// <summary>A Grey8 image of <paramref name="columns"/> x <paramref name="rows"/> pixels from a [rows, columns] matrix.</summary>
    public PixelImage ToImage(ReadOnlySpan<float> values, int rows, int columns, MatrixLayout layout = MatrixLayout.RowMajor)
    {
        HeatmapImage.CheckShape(values.Length, rows, columns);
        var image = new PixelImage(columns, rows, PixelFormat.Grey8);
        MatrixStrides strides = MatrixStrides.Of(layout, rows, columns);
        for (int row = 0; row < rows; row++)
        {
            Span<byte> pixels = image.Row(rows - 1 - row);
            for (int column = 0; column < columns; column++) pixels[column] = ToLevel(values[strides.IndexOf(row, column)]);
        }
        return image;
    }

    /// <summary>
    /// The [rows = image height, columns = image width] matrix a grey image stands for (bottom image row
    /// = matrix row 0), laid out per <paramref name="layout"/>. Accepts Grey8 and Grey16 (its high byte) images, and RGB/RGBA images whose
    /// pixels are grey (R = G = B).
    /// </summary>
    /// <exception cref="ArgumentException">An RGB pixel is not grey.</exception>
    public float[] FromImage(PixelImage image, MatrixLayout layout = MatrixLayout.RowMajor)
    {
        ArgumentNullException.ThrowIfNull(image);
        CheckRange();
        int rows = image.Height, columns = image.Width, bytesPerPixel = image.Format.BytesPerPixel();
        var values = new float[rows * columns];
        MatrixStrides strides = MatrixStrides.Of(layout, rows, columns);
        for (int row = 0; row < rows; row++)
        {
            ReadOnlySpan<byte> pixels = image.Row(rows - 1 - row);
            for (int column = 0; column < columns; column++)
            {
                ReadOnlySpan<byte> pixel = pixels.Slice(column * bytesPerPixel, bytesPerPixel);
                if (image.Format is PixelFormat.Rgb8 or PixelFormat.Rgba8 && (pixel[0] != pixel[1] || pixel[1] != pixel[2]))
                {
                    throw new ArgumentException($"Pixel ({column}, {rows - 1 - row}) is not grey: ({pixel[0]}, {pixel[1]}, {pixel[2]}).", nameof(image));
                }
                values[strides.IndexOf(row, column)] = (float)ToValue(pixel[0]);
            }
        }
        return values;
    }

    private void CheckRange()
    {
        if (!(MaxValue > MinValue) || !double.IsFinite(MinValue) || !double.IsFinite(MaxValue))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxValue), $"Grey mapping range [{MinValue}, {MaxValue}] must be finite and non-empty.");
        }
    }
}
