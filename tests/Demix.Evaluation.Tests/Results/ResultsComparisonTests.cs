using Demix.Evaluation.Results;

namespace Demix.Evaluation.Tests.Results;

public sealed class ResultsComparisonTests
{
    private static TrackScores Track(string target, double sdr) =>
        new("t", [new TargetScores(target, [new FrameScores(0, 1, sdr, sdr + 1, sdr + 2, sdr + 3)])]);

    [Fact]
    public void ToMarkdown_OneColumnPerMethod_DashWhereATargetIsMissing()
    {
        var methods = ResultsComparison.Summarize([("oracle", [Track("vocals", 10.5)]), ("center", [Track("accompaniment", 1.25)])]);

        string[] lines = ResultsComparison.ToMarkdown(methods).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

        Assert.Equal("| target | metric (median of frame medians, dB) | oracle | center |", lines[0]);
        Assert.Equal(2 + 8, lines.Length);
        Assert.Contains("| vocals | SDR | 10.50 | – |", lines);
        Assert.Contains("| accompaniment | ISR | – | 4.25 |", lines);
    }
}
