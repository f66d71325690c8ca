using System.Numerics.Tensors;

namespace Demix.Separation.Methods.RepetSim;

/// <summary>
/// The two numeric steps of REPET-SIM after the similar frames are known: the repeating model of a frame
/// (the per-bin median of its similar frames' magnitudes) and the soft background mask
/// <c>(min(model, mixture) + eps) / (mixture + eps)</c>, forced to 1 at and below the cutoff bin (the
/// high-pass rule: vocals have almost no energy under 100 Hz, so those bins go to the accompaniment).
/// </summary>
public sealed class RepeatingModel
{
    private const float Epsilon = 1e-12f;
    private readonly MedianNetwork network = new();
    private float[] gathered = [];   // [bins x frames], the chosen frames' magnitudes bin by bin

    /// <summary>Per-bin median of the magnitude frames in <paramref name="frames"/> (mean of the two middle values for an even count).</summary>
    /// <param name="frames">Magnitude spectra of the similar frames, each [bins]; at least one.</param>
    /// <param name="median">Receives the median, [bins].</param>
    public void Median(IReadOnlyList<float[]> frames, Span<float> median)
    {
        int count = frames.Count;
        int binCount = median.Length;
        if (count == 0) throw new ArgumentException("The median needs at least one frame.", nameof(frames));
        int vectorBins = 0;
        if (MedianNetwork.IsUseful && count <= MedianNetwork.MaxFrames)
        {
            vectorBins = binCount / MedianNetwork.Width * MedianNetwork.Width;
            for (int first = 0; first < vectorBins; first += MedianNetwork.Width) network.MedianOfGroup(frames, first, median);
        }
        ScalarMedian(frames, vectorBins, median);
    }

    /// <summary>Medians of bins <paramref name="firstBin"/> onwards, gathered bin by bin and selected in place.</summary>
    private void ScalarMedian(IReadOnlyList<float[]> frames, int firstBin, Span<float> median)
    {
        int count = frames.Count;
        int binCount = median.Length - firstBin;
        if (gathered.Length < count * binCount) gathered = new float[count * binCount];
        for (int k = 0; k < count; k++)
        {
            float[] frame = frames[k];
            for (int b = 0; b < binCount; b++) gathered[b * count + k] = frame[firstBin + b];
        }
        for (int b = 0; b < binCount; b++) median[firstBin + b] = MedianInPlace(gathered.AsSpan(b * count, count));
    }

    /// <summary>Writes the background mask of one channel of one frame.</summary>
    /// <param name="model">Repeating model (median), [bins].</param>
    /// <param name="mixture">Mixture magnitude, [bins].</param>
    /// <param name="cutoffBin">Bins 0 .. cutoffBin get mask 1 (all accompaniment).</param>
    /// <param name="mask">Receives the background mask in [0, 1], [bins].</param>
    public static void BackgroundMask(ReadOnlySpan<float> model, ReadOnlySpan<float> mixture, int cutoffBin, Span<float> mask)
    {
        Span<float> result = mask[..mixture.Length];
        TensorPrimitives.Min(model[..mixture.Length], mixture, result);
        TensorPrimitives.Add(result, Epsilon, result);
        Span<float> denominator = mixture.Length <= 4097 ? stackalloc float[mixture.Length] : new float[mixture.Length];
        TensorPrimitives.Add(mixture, Epsilon, denominator);
        TensorPrimitives.Divide(result, denominator, result);
        result[..Math.Min(cutoffBin + 1, result.Length)].Fill(1f);
    }

    /// <summary>The cutoff bin of the reference code: ceil(cutoffHz x (N - 1) / rate).</summary>
    public static int CutoffBin(double cutoffHz, int fftSize, int sampleRate) =>
        (int)Math.Ceiling(cutoffHz * (fftSize - 1) / sampleRate);

    /// <summary>Median by quickselect; reorders <paramref name="values"/>.</summary>
    public static float MedianInPlace(Span<float> values)
    {
        int n = values.Length;
        int upper = n / 2;
        float high = Select(values, upper);
        if ((n & 1) == 1) return high;
        float low = float.NegativeInfinity;
        for (int i = 0; i < upper; i++) low = MathF.Max(low, values[i]);   // after Select, the lower half sits left
        return 0.5f * (low + high);
    }

    /// <summary>Returns the k-th smallest value (0-based) and leaves smaller values to its left.</summary>
    private static float Select(Span<float> values, int k)
    {
        int left = 0, right = values.Length - 1;
        while (left < right)
        {
            float pivot = MedianOfThree(values[left], values[(left + right) >> 1], values[right]);
            int i = left, j = right;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j) right = j;
            else if (k >= i) left = i;
            else break;
        }
        return values[k];
    }

    private static float MedianOfThree(float a, float b, float c) =>
        MathF.Max(MathF.Min(a, b), MathF.Min(MathF.Max(a, b), c));
}
