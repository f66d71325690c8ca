namespace Demix.Web.Spectrograms;

/// <summary>
/// Maps the bins of one spectrum onto image rows: row r covers a band of frequencies (evenly spaced in Hz
/// or in mel between the lowest and highest frequency) and takes the average power of the bins under it,
/// each bin weighted by how much of its width ([k - 1/2, k + 1/2] x binHz) falls inside the band. A band
/// narrower than a bin therefore shows that bin's power, and no bin between bands is skipped.
/// </summary>
public sealed class FrequencyBands
{
    private readonly int[] firstBin;      // [rows]: first bin that overlaps each band
    private readonly float[][] weights;   // [rows][bins in band]: overlap of each bin, normalised to sum 1

    /// <summary>Builds the bands of <paramref name="rowCount"/> rows.</summary>
    /// <param name="binCount">Bins of the spectrum (fftSize / 2 + 1).</param>
    /// <param name="binHertz">Spacing of the bins in Hz (sampleRate / fftSize).</param>
    /// <param name="lowHertz">Bottom edge of row 0 in Hz.</param>
    /// <param name="highHertz">Top edge of the last row in Hz (at most the Nyquist frequency).</param>
    public FrequencyBands(int rowCount, int binCount, double binHertz, double lowHertz, double highHertz, FrequencyScale scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(binCount);
        if (!(lowHertz >= 0 && highHertz > lowHertz))
        {
            throw new ArgumentOutOfRangeException(nameof(highHertz), $"The frequency band [{lowHertz}, {highHertz}] Hz is empty.");
        }
        RowCount = rowCount;
        firstBin = new int[rowCount];
        weights = new float[rowCount][];
        double low = Position(lowHertz, scale), high = Position(highHertz, scale);
        for (int row = 0; row < rowCount; row++)
        {
            double bandLow = Frequency(low + (high - low) * row / rowCount, scale);
            double bandHigh = Frequency(low + (high - low) * (row + 1) / rowCount, scale);
            (firstBin[row], weights[row]) = Overlaps(bandLow / binHertz, bandHigh / binHertz, binCount);
        }
    }

    /// <summary>Rows of the image (bands).</summary>
    public int RowCount { get; }

    /// <summary>Writes the band averages of <paramref name="binPower"/> ([bins]) into <paramref name="rowPower"/> ([rows]).</summary>
    public void Apply(ReadOnlySpan<float> binPower, Span<float> rowPower)
    {
        for (int row = 0; row < RowCount; row++)
        {
            float[] w = weights[row];
            ReadOnlySpan<float> bins = binPower.Slice(firstBin[row], w.Length);
            float sum = 0;
            for (int i = 0; i < w.Length; i++) sum += w[i] * bins[i];
            rowPower[row] = sum;
        }
    }

    private static double Position(double hertz, FrequencyScale scale) => scale == FrequencyScale.Mel ? MelScale.FromHertz(hertz) : hertz;

    private static double Frequency(double position, FrequencyScale scale) => scale == FrequencyScale.Mel ? MelScale.ToHertz(position) : position;

    /// <summary>Bins overlapping [lowBin, highBin) (in bin units; bin k spans [k - 1/2, k + 1/2]) and their normalised overlaps.</summary>
    private static (int First, float[] Weights) Overlaps(double lowBin, double highBin, int binCount)
    {
        int first = Math.Clamp((int)Math.Floor(lowBin + 0.5), 0, binCount - 1);
        int last = Math.Clamp((int)Math.Ceiling(highBin + 0.5) - 1, first, binCount - 1);
        var overlap = new double[last - first + 1];
        double total = 0;
        for (int k = first; k <= last; k++)
        {
            double width = Math.Min(highBin, k + 0.5) - Math.Max(lowBin, k - 0.5);
            overlap[k - first] = Math.Max(0, width);
            total += overlap[k - first];
        }
        var result = new float[overlap.Length];
        for (int i = 0; i < result.Length; i++) result[i] = total > 0 ? (float)(overlap[i] / total) : 1f / result.Length;
        return (first, result);
    }
}
