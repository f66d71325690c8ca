namespace Demix.Evaluation.BssEval;

/// <summary>
/// Chooses the reference channels that span a projection space. A channel that is all zeros over the range,
/// or bit-for-bit equal to a channel already chosen, adds no direction to the span of delayed references,
/// so it is left out: the orthogonal projection (and every metric) is unchanged, and the Gram matrix stays
/// non-singular. This is what makes a mono reference copied into several channels (the mir_eval image
/// fixtures) a 512 x nsrc system instead of a singular 512 x nsrc x nchan one.
/// </summary>
internal static class ChannelBasis
{
    /// <summary>The kept channels among <paramref name="candidates"/>, in order, over [start, start + length).</summary>
    public static int[] Select(double[][] channels, IEnumerable<int> candidates, int start, int length)
    {
        var kept = new List<int>();
        foreach (int candidate in candidates)
        {
            ReadOnlySpan<double> signal = channels[candidate].AsSpan(start, length);
            if (!signal.ContainsAnyExcept(0.0)) continue;
            bool duplicate = false;
            foreach (int chosen in kept)
            {
                if (signal.SequenceEqual(channels[chosen].AsSpan(start, length))) { duplicate = true; break; }
            }
            if (!duplicate) kept.Add(candidate);
        }
        return kept.ToArray();
    }
}
