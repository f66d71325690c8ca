using Demix.Evaluation.Results;

namespace Demix.Evaluation.Tests.Results;

public sealed class ScoreAggregateTests
{
    private static TrackScores Track(string name, params double[] sdr) =>
        new(name, [new TargetScores("vocals", sdr.Select((v, t) => new FrameScores(t, 1, v, 2 * v, 3 * v, 4 * v)).ToArray())]);

    [Fact]
    public void Summarize_MedianOverFramesThenTracks_SkipsNaN()
    {
        TrackScores[] tracks =
        [
            Track("a", 1, 2, 9, double.NaN),  // frame median 2, mean 4
            Track("b", 4, 6),                 // median 5, mean 5
            Track("c", 10),                   // median 10, mean 10
            Track("d", double.NaN),           // no finite frame: skipped
        ];

        MetricSummary sdr = ScoreAggregate.Summarize(tracks).Single(s => s.Metric == BssMetric.Sdr);

        Assert.Equal("vocals", sdr.Target);
        Assert.Equal(5.0, sdr.MedianOfMedians);
        Assert.Equal(17.0 / 3, sdr.MeanOfMedians, 1e-12);
        Assert.Equal(19.0 / 3, sdr.MeanOfMeans, 1e-12);
        Assert.Equal(3, sdr.TrackCount);
        Assert.Equal(20.0, ScoreAggregate.Summarize(tracks).Single(s => s.Metric == BssMetric.Isr).MedianOfMedians);
    }

    [Fact]
    public void Median_EvenCount_AveragesMiddleValues()
    {
        Assert.Equal(2.5, ScoreAggregate.Median([4, 1, 3, 2]));
        Assert.True(double.IsNaN(ScoreAggregate.Median([])));
    }

    [Fact]
    public void WriteFrames_OneRowPerFrameAndMetric_QuotesNames()
    {
        var writer = new StringWriter();
        ScoreCsv.WriteFrames([Track("Artist, Song", 1.5, double.NaN)], writer);
        string[] lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

        Assert.Equal("track,target,metric,time,duration,score", lines[0]);
        Assert.Equal(1 + 4 * 2, lines.Length);
        Assert.Equal("\"Artist, Song\",vocals,SDR,0,1,1.5", lines[1]);
        Assert.Equal("\"Artist, Song\",vocals,SDR,1,1,NaN", lines[2]);
    }

    [Fact]
    public void WriteSummary_WritesEveryTargetAndMetric()
    {
        var writer = new StringWriter();
        ScoreCsv.WriteSummary(ScoreAggregate.Summarize([Track("a", 1, 3)]), writer);
        string[] lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

        Assert.Equal(5, lines.Length);
        Assert.Equal("vocals,SDR,2,2,2,1", lines[1]);
    }
}
