namespace Demix.Evaluation.Results;

/// <summary>
/// One target and metric over a set of tracks. The headline figure (SiSEC 2018, museval's EvalStore) is
/// <see cref="MedianOfMedians"/>: the median over frames within each track, then the median over tracks;
/// NaN frames and tracks are skipped, as pandas' median does.
/// </summary>
/// <param name="Target">Target name, for example "vocals".</param>
/// <param name="Metric">The metric.</param>
/// <param name="MedianOfMedians">Median over tracks of the per-track frame medians, in dB.</param>
/// <param name="MeanOfMedians">Mean over tracks of the per-track frame medians, in dB.</param>
/// <param name="MeanOfMeans">Mean over tracks of the per-track frame means, in dB.</param>
/// <param name="TrackCount">Tracks with at least one finite frame.</param>
public sealed record MetricSummary(string Target, BssMetric Metric, double MedianOfMedians, double MeanOfMedians, double MeanOfMeans, int TrackCount);

/// <summary>Aggregates per-track scores the way museval's EvalStore does.</summary>
public static class ScoreAggregate
{
    /// <summary>One summary per (target, metric), targets in order of first appearance, metrics SDR, SIR, SAR, ISR.</summary>
    public static IReadOnlyList<MetricSummary> Summarize(IEnumerable<TrackScores> tracks)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        var perTarget = new Dictionary<string, List<TargetScores>>();
        var order = new List<string>();
        foreach (TargetScores target in tracks.SelectMany(t => t.Targets))
        {
            if (!perTarget.TryGetValue(target.Name, out var list)) { perTarget[target.Name] = list = []; order.Add(target.Name); }
            list.Add(target);
        }
        var summaries = new List<MetricSummary>();
        foreach (string name in order)
            foreach (BssMetric metric in Enum.GetValues<BssMetric>())
                summaries.Add(Summarize(name, metric, perTarget[name]));
        return summaries;
    }

    private static MetricSummary Summarize(string name, BssMetric metric, List<TargetScores> targets)
    {
        var medians = new List<double>();
        var means = new List<double>();
        foreach (TargetScores target in targets)
        {
            double[] values = target.Frames.Select(f => f[metric]).Where(v => !double.IsNaN(v)).ToArray();
            if (values.Length == 0) continue;
            medians.Add(Median(values));
            means.Add(values.Average());
        }
        return new MetricSummary(name, metric, Median(medians.ToArray()),
            medians.Count == 0 ? double.NaN : medians.Average(), means.Count == 0 ? double.NaN : means.Average(), medians.Count);
    }

    /// <summary>Median of NaN-free values (mean of the two middle values for an even count); NaN when empty.</summary>
    public static double Median(double[] values)
    {
        if (values.Length == 0) return double.NaN;
        double[] sorted = (double[])values.Clone();
        Array.Sort(sorted);
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle]);
    }
}
