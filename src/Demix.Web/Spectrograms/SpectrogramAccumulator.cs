namespace Demix.Web.Spectrograms;

/// <summary>
/// Builds a [rows, columns] image matrix from STFT frames as they arrive, so memory is the image, not the
/// song: frame t of <c>frameCount</c> covers columns [t W / F, (t + 1) W / F) and adds its band powers to
/// each column it overlaps, weighted by the overlap (area averaging: squeezing a long song skips no frame).
/// </summary>
public sealed class SpectrogramAccumulator
{
    private readonly double[] sums;     // [rows, columns] row-major: overlap-weighted power
    private readonly double[] weights;  // [columns]: total overlap per column
    private readonly long frameCount;
    private long framesAdded;

    /// <summary>Creates an empty accumulator for <paramref name="frameCount"/> frames.</summary>
    public SpectrogramAccumulator(int rowCount, int columnCount, long frameCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columnCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameCount);
        RowCount = rowCount;
        ColumnCount = columnCount;
        this.frameCount = frameCount;
        sums = new double[rowCount * columnCount];
        weights = new double[columnCount];
    }

    /// <summary>Rows (frequency bands).</summary>
    public int RowCount { get; }

    /// <summary>Columns (time).</summary>
    public int ColumnCount { get; }

    /// <summary>Adds the next frame's band powers, [rows]; frames past the expected count are ignored.</summary>
    public void Add(ReadOnlySpan<float> rowPower)
    {
        if (framesAdded >= frameCount) return;
        double start = (double)framesAdded * ColumnCount / frameCount;
        double end = (double)(framesAdded + 1) * ColumnCount / frameCount;
        framesAdded++;
        for (int column = (int)start; column < ColumnCount && column < end; column++)
        {
            double overlap = Math.Min(end, column + 1) - Math.Max(start, column);
            if (overlap <= 0) continue;
            weights[column] += overlap;
            for (int row = 0; row < RowCount; row++) sums[row * ColumnCount + column] += overlap * rowPower[row];
        }
    }

    /// <summary>The matrix in dB, [rows, columns] row-major, row 0 = lowest band; empty columns get the floor.</summary>
    /// <param name="floorDecibels">Value of silent cells and of columns no frame reached.</param>
    public float[] ToDecibels(double floorDecibels)
    {
        var result = new float[sums.Length];
        for (int row = 0; row < RowCount; row++)
        {
            for (int column = 0; column < ColumnCount; column++)
            {
                double power = weights[column] > 0 ? sums[row * ColumnCount + column] / weights[column] : 0;
                result[row * ColumnCount + column] = power > 0 ? (float)Math.Max(floorDecibels, 10 * Math.Log10(power)) : (float)floorDecibels;
            }
        }
        return result;
    }
}
