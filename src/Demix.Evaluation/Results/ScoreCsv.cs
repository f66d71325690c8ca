using System.Globalization;

namespace Demix.Evaluation.Results;

/// <summary>CSV export of scores: every frame in long format (museval's DataFrame columns), and the summaries.</summary>
public static class ScoreCsv
{
    private static readonly string[] MetricNames = ["SDR", "SIR", "SAR", "ISR"];

    /// <summary>Header <c>track,target,metric,time,duration,score</c>, one row per frame and metric; NaN written as <c>NaN</c>.</summary>
    public static void WriteFrames(IEnumerable<TrackScores> tracks, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        writer.WriteLine("track,target,metric,time,duration,score");
        foreach (TrackScores track in tracks)
            foreach (TargetScores target in track.Targets)
                foreach (BssMetric metric in Enum.GetValues<BssMetric>())
                    foreach (FrameScores frame in target.Frames)
                        writer.WriteLine(string.Join(',', Quote(track.TrackName), Quote(target.Name), MetricNames[(int)metric],
                            Number(frame.TimeSeconds), Number(frame.DurationSeconds), Number(frame[metric])));
    }

    /// <summary>Header <c>target,metric,median_of_medians,mean_of_medians,mean_of_means,tracks</c>.</summary>
    public static void WriteSummary(IEnumerable<MetricSummary> summaries, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        writer.WriteLine("target,metric,median_of_medians,mean_of_medians,mean_of_means,tracks");
        foreach (MetricSummary s in summaries)
            writer.WriteLine(string.Join(',', Quote(s.Target), MetricNames[(int)s.Metric], Number(s.MedianOfMedians),
                Number(s.MeanOfMedians), Number(s.MeanOfMeans), s.TrackCount.ToString(CultureInfo.InvariantCulture)));
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
