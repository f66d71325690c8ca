using Demix.Imaging.Drawing;

namespace Demix.Imaging.Heatmaps;

/// <summary>
/// Turns a matrix (e.g. a dB spectrogram) into an RGB image through a value range and a colour map.
/// Matrix layout: [rows, columns], row-major; row 0 (e.g. the lowest frequency) is drawn at the bottom.
/// </summary>
public static class HeatmapImage
{
    /// <summary>Renders <paramref name="values"/> ([rows, columns], row-major) as an RGB8 image.</summary>
    public static PixelImage Render(ReadOnlySpan<float> values, int rows, int columns, HeatmapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        CheckShape(values.Length, rows, columns);
        int width = options.Width > 0 ? options.Width : columns;
        int height = options.Height > 0 ? options.Height : rows;
        var image = new PixelImage(width, height, PixelFormat.Rgb8);
        SourceTaps[] columnTaps = SourceTaps.For(width, columns, options.Resampling);
        SourceTaps[] rowTaps = SourceTaps.For(height, rows, options.Resampling);
        double scale = 255.0 / (options.MaxValue - options.MinValue);
        for (int y = 0; y < height; y++)
        {
            // Image row y counts from the top; matrix row 0 is at the bottom.
            SourceTaps rowTap = rowTaps[height - 1 - y];
            ReadOnlySpan<float> lower = values.Slice(rowTap.First * columns, columns);
            ReadOnlySpan<float> upper = values.Slice(rowTap.Second * columns, columns);
            Span<byte> pixels = image.Row(y);
            for (int x = 0; x < width; x++)
            {
                SourceTaps columnTap = columnTaps[x];
                double value = rowTap.Blend(columnTap.Blend(lower[columnTap.First], lower[columnTap.Second]),
                    columnTap.Blend(upper[columnTap.First], upper[columnTap.Second]));
                double index = (value - options.MinValue) * scale;
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

    /// <summary>The two source cells a destination pixel reads and the weight of the second.</summary>
    private readonly record struct SourceTaps(int First, int Second, double Weight)
    {
        public double Blend(double first, double second) => Weight == 0 ? first : first + (second - first) * Weight;

        /// <summary>Taps for <paramref name="destination"/> pixels over <paramref name="source"/> cells, pixel centres aligned.</summary>
        public static SourceTaps[] For(int destination, int source, Resampling resampling)
        {
            var taps = new SourceTaps[destination];
            double ratio = source / (double)destination;
            for (int i = 0; i < destination; i++)
            {
                double centre = (i + 0.5) * ratio - 0.5;
                if (resampling == Resampling.Nearest)
                {
                    int nearest = Math.Clamp((int)Math.Floor(centre + 0.5), 0, source - 1);
                    taps[i] = new SourceTaps(nearest, nearest, 0);
                    continue;
                }
                double clamped = Math.Clamp(centre, 0, source - 1);
                int first = Math.Min((int)Math.Floor(clamped), source - 1);
                int second = Math.Min(first + 1, source - 1);
                taps[i] = new SourceTaps(first, second, clamped - first);
            }
            return taps;
        }
    }
}
