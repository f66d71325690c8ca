namespace Demix.Separation.Methods.RepetSim;

/// <summary>
/// Chooses the frames similar to one frame from its row of the similarity matrix, the way the REPET-SIM
/// reference does with MATLAB's <c>findpeaks</c>: local maxima (greater than the left neighbour and at
/// least the right one, never the first or last element) at or above the threshold, taken from the most
/// similar down, each kept only if it is at least <c>minDistance</c> frames from every peak already kept,
/// at most <c>maxCount</c> of them.
/// </summary>
public sealed class SimilarFramePicker
{
    private readonly float threshold;
    private readonly int minDistanceFrames;
    private readonly int maxCount;
    private readonly List<int> candidates = [];
    private readonly List<int> kept = [];
    private long[] keys = new long[64];

    /// <summary>Creates a picker.</summary>
    /// <param name="threshold">Minimum similarity of a peak.</param>
    /// <param name="minDistanceFrames">Minimum distance, in frames, between two kept peaks.</param>
    /// <param name="maxCount">Maximum number of peaks kept.</param>
    public SimilarFramePicker(float threshold, int minDistanceFrames, int maxCount)
    {
        this.threshold = threshold;
        this.minDistanceFrames = minDistanceFrames;
        this.maxCount = maxCount;
    }

    /// <summary>Picks peaks of <paramref name="row"/>.</summary>
    /// <param name="row">Similarities of one frame to frames <c>first .. first + row.Length - 1</c>.</param>
    /// <param name="first">Frame index of <c>row[0]</c>.</param>
    /// <param name="picked">Cleared, then filled with the frame indices of the kept peaks (most similar first).</param>
    public void Pick(ReadOnlySpan<float> row, int first, List<int> picked)
    {
        picked.Clear();
        candidates.Clear();
        for (int i = 1; i < row.Length - 1; i++)
        {
            float value = row[i];
            if (value >= threshold && value > row[i - 1] && value >= row[i + 1]) candidates.Add(i);
        }
        SortByDescendingValue(row);
        kept.Clear();
        foreach (int index in candidates)
        {
            if (kept.Count == maxCount) break;
            if (IsFarFromKept(index)) kept.Add(index);
        }
        foreach (int index in kept) picked.Add(first + index);
    }

    /// <summary>
    /// Orders the candidates by similarity, highest first, ties by frame (earlier first), with one sort of
    /// 64-bit keys: the high half is the complement of the similarity's bits (similarities are not negative,
    /// so their bit patterns order like their values), the low half the position.
    /// </summary>
    private void SortByDescendingValue(ReadOnlySpan<float> row)
    {
        if (keys.Length < candidates.Count) keys = new long[Math.Max(candidates.Count, 2 * keys.Length)];
        for (int i = 0; i < candidates.Count; i++)
        {
            float value = Math.Max(row[candidates[i]], 0f);
            keys[i] = ((long)(uint.MaxValue - BitConverter.SingleToUInt32Bits(value)) << 32) | (uint)candidates[i];
        }
        Array.Sort(keys, 0, candidates.Count);
        for (int i = 0; i < candidates.Count; i++) candidates[i] = (int)(keys[i] & uint.MaxValue);
    }

    private bool IsFarFromKept(int index)
    {
        foreach (int other in kept)
        {
            if (Math.Abs(other - index) < minDistanceFrames) return false;
        }
        return true;
    }
}
