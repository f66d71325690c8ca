namespace Demix.Imaging.Heatmaps;

/// <summary>
/// Resamples a [rows, columns] matrix to [height, width] (row 0 stays row 0) by nearest cell,
/// bilinear blend between cell centres, or area average (each output cell averages the input cells it
/// covers, weighted by overlap: no input column is skipped when a long spectrogram is squeezed).
/// </summary>
internal static class MatrixResampler
{
    /// <returns>[height, width], row-major, in float64.</returns>
    public static double[] Resample(ReadOnlySpan<float> values, int rows, int columns, MatrixLayout layout, int width, int height, Resampling mode)
    {
        if (layout == MatrixLayout.RowMajor) return ResampleRowMajor(values, rows, columns, width, height, mode);
        // A column-major [rows, columns] matrix is the row-major [columns, rows] transpose: resample that
        // in memory order, then transpose the small result.
        double[] transposed = ResampleRowMajor(values, columns, rows, height, width, mode);
        var output = new double[height * width];
        for (int x = 0; x < width; x++)
        {
            for (int y = 0; y < height; y++) output[y * width + x] = transposed[x * height + y];
        }
        return output;
    }

    private static double[] ResampleRowMajor(ReadOnlySpan<float> values, int rows, int columns, int width, int height, Resampling mode) =>
        mode == Resampling.Area
            ? AreaAverage(values, rows, columns, width, height)
            : Interpolate(values, rows, columns, width, height, mode);

    private static double[] Interpolate(ReadOnlySpan<float> values, int rows, int columns, int width, int height, Resampling mode)
    {
        Taps[] columnTaps = Taps.For(width, columns, mode);
        Taps[] rowTaps = Taps.For(height, rows, mode);
        var output = new double[height * width];
        for (int y = 0; y < height; y++)
        {
            Taps rowTap = rowTaps[y];
            for (int x = 0; x < width; x++)
            {
                Taps columnTap = columnTaps[x];
                double lower = columnTap.Blend(values[rowTap.First * columns + columnTap.First], values[rowTap.First * columns + columnTap.Second]);
                double upper = columnTap.Blend(values[rowTap.Second * columns + columnTap.First], values[rowTap.Second * columns + columnTap.Second]);
                output[y * width + x] = rowTap.Blend(lower, upper);
            }
        }
        return output;
    }

    /// <summary>
    /// For each output row: the overlap-weighted sum of the input rows it covers (read in memory order),
    /// then the overlap-weighted sums along that one accumulated row.
    /// </summary>
    private static double[] AreaAverage(ReadOnlySpan<float> values, int rows, int columns, int width, int height)
    {
        (int Start, double[] Weights)[] columnWeights = Coverage(width, columns);
        (int Start, double[] Weights)[] rowWeights = Coverage(height, rows);
        var accumulated = new double[columns];
        var output = new double[height * width];
        for (int y = 0; y < height; y++)
        {
            Array.Clear(accumulated);
            (int firstRow, double[] weightsOfRows) = rowWeights[y];
            for (int k = 0; k < weightsOfRows.Length; k++)
            {
                ReadOnlySpan<float> source = values.Slice((firstRow + k) * columns, columns);
                double weight = weightsOfRows[k];
                for (int c = 0; c < columns; c++) accumulated[c] += weight * source[c];
            }
            for (int x = 0; x < width; x++)
            {
                (int firstColumn, double[] weightsOfColumns) = columnWeights[x];
                double sum = 0;
                for (int k = 0; k < weightsOfColumns.Length; k++) sum += weightsOfColumns[k] * accumulated[firstColumn + k];
                output[y * width + x] = sum;
            }
        }
        return output;
    }

    /// <summary>For each of <paramref name="destination"/> cells: the first source cell it overlaps and the overlap weights (summing to 1).</summary>
    private static (int Start, double[] Weights)[] Coverage(int destination, int source)
    {
        var coverage = new (int, double[])[destination];
        double ratio = source / (double)destination;
        for (int i = 0; i < destination; i++)
        {
            double from = i * ratio, to = (i + 1) * ratio;
            int first = Math.Min((int)Math.Floor(from), source - 1);
            int last = Math.Clamp((int)Math.Ceiling(to) - 1, first, source - 1);
            var weights = new double[last - first + 1];
            for (int j = first; j <= last; j++) weights[j - first] = (Math.Min(to, j + 1) - Math.Max(from, j)) / ratio;
            coverage[i] = (first, weights);
        }
        return coverage;
    }

    /// <summary>The two source cells a destination cell reads and the weight of the second.</summary>
    private readonly record struct Taps(int First, int Second, double Weight)
    {
        public double Blend(double first, double second) => Weight == 0 ? first : first + (second - first) * Weight;

        /// <summary>Taps for <paramref name="destination"/> cells over <paramref name="source"/> cells, cell centres aligned.</summary>
        public static Taps[] For(int destination, int source, Resampling mode)
        {
            var taps = new Taps[destination];
            double ratio = source / (double)destination;
            for (int i = 0; i < destination; i++)
            {
                double centre = (i + 0.5) * ratio - 0.5;
                if (mode == Resampling.Nearest)
                {
                    int nearest = Math.Clamp((int)Math.Floor(centre + 0.5), 0, source - 1);
                    taps[i] = new Taps(nearest, nearest, 0);
                    continue;
                }
                double clamped = Math.Clamp(centre, 0, source - 1);
                int first = Math.Min((int)Math.Floor(clamped), source - 1);
                taps[i] = new Taps(first, Math.Min(first + 1, source - 1), clamped - first);
            }
            return taps;
        }
    }
}
