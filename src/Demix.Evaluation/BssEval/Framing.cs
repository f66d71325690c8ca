namespace Demix.Evaluation.BssEval;

/// <summary>museval's framing: window t is [t hop, min(t hop + window, n)); a window at least as long as the signal gives one window over all of it.</summary>
internal static class Framing
{
    /// <summary>The windows of a signal of <paramref name="sampleCount"/> samples.</summary>
    public static IReadOnlyList<(int Start, int Length)> Windows(int sampleCount, int window, int hop)
    {
        if (window >= sampleCount) return [(0, sampleCount)];
        long count = ((long)sampleCount - window + hop) / hop;
        var windows = new (int, int)[count];
        for (int t = 0; t < count; t++)
        {
            long start = (long)t * hop;
            windows[t] = ((int)start, (int)Math.Min(start + window, sampleCount) - (int)start);
        }
        return windows;
    }
}
