using System.Globalization;
using System.Text;
using System.Text.Json;
using Demix.Evaluation.Scoring;

namespace Demix.Evaluation.Results;

/// <summary>
/// Writes the aggregate of a results folder beside its track JSONs: <c>aggregate.json</c>, <c>aggregate.csv</c>
/// and <c>aggregate.md</c> (median over frames then median over tracks, plus the two means).
/// </summary>
public static class AggregateReport
{
    /// <summary>Summarises every track in <paramref name="results"/> and writes the three files.</summary>
    /// <param name="label">Row label of the Markdown table (e.g. the method's name).</param>
    /// <returns>The summaries written.</returns>
    public static IReadOnlyList<MetricSummary> Write(ResultsFolder results, string label)
    {
        ArgumentNullException.ThrowIfNull(results);
        IReadOnlyList<MetricSummary> summaries = ScoreAggregate.Summarize(results.LoadAll());
        File.WriteAllText(Path.Combine(results.Root, ResultsFolder.AggregateFileName), ToJson(label, summaries));
        using (var csv = new StreamWriter(Path.Combine(results.Root, "aggregate.csv"))) ScoreCsv.WriteSummary(summaries, csv);
        File.WriteAllText(Path.Combine(results.Root, "aggregate.md"), ResultsComparison.ToMarkdown([new MethodResults(label, summaries)]));
        return summaries;
    }

    /// <summary>The summaries as JSON: <c>{"method": ..., "aggregation": ..., "scores": [{target, metric, ...}]}</c>.</summary>
    public static string ToJson(string label, IReadOnlyList<MetricSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var text = new StringBuilder();
        text.Append("{\n  \"method\": ").Append(JsonSerializer.Serialize(label));
        text.Append(",\n  \"aggregation\": \"median over frames, then median (and mean) over tracks; dB\",\n  \"scores\": [");
        for (int i = 0; i < summaries.Count; i++)
        {
            MetricSummary s = summaries[i];
            text.Append(i == 0 ? "\n" : ",\n").Append("    {\"target\": ").Append(JsonSerializer.Serialize(s.Target))
                .Append(", \"metric\": \"").Append(s.Metric.ToString().ToUpperInvariant())
                .Append("\", \"median\": ").Append(Number(s.MedianOfMedians)).Append(", \"mean_of_medians\": ").Append(Number(s.MeanOfMedians))
                .Append(", \"mean\": ").Append(Number(s.MeanOfMeans)).Append(", \"tracks\": ").Append(s.TrackCount.ToString(CultureInfo.InvariantCulture)).Append('}');
        }
        return text.Append("\n  ]\n}\n").ToString();
    }

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "null";
}
