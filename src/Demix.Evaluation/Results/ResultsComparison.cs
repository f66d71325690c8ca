using System.Globalization;
using System.Text;

namespace Demix.Evaluation.Results;

/// <summary>One method's summaries, named (for example by its results folder).</summary>
public sealed record MethodResults(string Name, IReadOnlyList<MetricSummary> Summaries);

/// <summary>
/// Side by side comparison of several methods (for <c>demix compare A B ...</c>): one row per target and metric,
/// one column per method, holding the median over tracks of the per-track frame medians (museval's headline).
/// </summary>
public static class ResultsComparison
{
    /// <summary>Summarises each method's tracks.</summary>
    public static IReadOnlyList<MethodResults> Summarize(IEnumerable<(string Name, IReadOnlyList<TrackScores> Tracks)> methods) =>
        methods.Select(m => new MethodResults(m.Name, ScoreAggregate.Summarize(m.Tracks))).ToArray();

    /// <summary>A Markdown table: <c>| target | metric | A | B | ... |</c>, values in dB with 2 decimals, "–" where missing.</summary>
    public static string ToMarkdown(IReadOnlyList<MethodResults> methods)
    {
        ArgumentNullException.ThrowIfNull(methods);
        var rows = methods.SelectMany(m => m.Summaries.Select(s => (s.Target, s.Metric))).Distinct().ToArray();
        var text = new StringBuilder();
        text.AppendLine("| target | metric (median of frame medians, dB) | " + string.Join(" | ", methods.Select(m => m.Name)) + " |");
        text.AppendLine("|---|---|" + string.Concat(methods.Select(_ => "---:|")));
        foreach (var (target, metric) in rows)
        {
            var cells = methods.Select(m => m.Summaries.FirstOrDefault(s => s.Target == target && s.Metric == metric) is { } s && !double.IsNaN(s.MedianOfMedians)
                ? s.MedianOfMedians.ToString("F2", CultureInfo.InvariantCulture)
                : "–");
            text.AppendLine($"| {target} | {metric.ToString().ToUpperInvariant()} | {string.Join(" | ", cells)} |");
        }
        return text.ToString();
    }
}
