using Demix.Imaging.Drawing;

namespace Demix.Imaging.Heatmaps;

/// <summary>
/// Turns a matrix (e.g. a dB spectrogram) into an RGB image through a value range and a colour map.
/// The matrix is [rows, columns] (row-major, or column-major per <see cref="HeatmapOptions.Layout"/>);
/// row 0 (e.g. the lowest frequency) is drawn at the bottom.
/// </summary>
public static class HeatmapImage
{
    /// <summary>Renders <paramref name="values"/> ([rows, columns]) as an RGB8 image.</summary>
    public static PixelImage Render(ReadOnlySpan<float> values, int rows, int columns, HeatmapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        CheckShape(values.Length, rows, columns);
        int width = options.Width > 0 ? options.Width : columns;
        int height = options.Height > 0 ? options.Height : rows;
        double[] resampled = MatrixResampler.Resample(values, rows, columns, options.Layout, width, height, options.Resampling);
        var image = new PixelImage(width, height, PixelFormat.Rgb8);
        double scale = 255.0 / (options.MaxValue - options.MinValue);
        for (int y = 0; y < height; y++)
        {
            // Image row y counts from the top; matrix row 0 is at the bottom.
            ReadOnlySpan<double> source = resampled.AsSpan((height - 1 - y) * width, width);
            Span<byte> pixels = image.Row(y);
            for (int x = 0; x < width; x++)
            {
                double index = (source[x] - options.MinValue) * scale;
                Rgb colour = options.ColourMap[index > 0 ? (int)Math.Min(255, Math.Round(index)) : 0];
                pixels[3 * x] = colour.R;
                pixels[3 * x + 1] = colour.G;
                pixels[3 * x + 2] = colour.B;
            }
        }
        return image;
    }

    internal static void CheckShape(int length, int rows, int columns)
    {
        if (rows < 1 || columns < 1 || (long)rows * columns != length)
        {
            throw new ArgumentException($"A [{rows}, {columns}] matrix needs {(long)rows * columns} values, got {length}.", nameof(rows));
        }
    }
}
