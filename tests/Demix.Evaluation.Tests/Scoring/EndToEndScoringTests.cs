using Demix.Evaluation.Datasets;
using Demix.Evaluation.Results;
using Demix.Evaluation.Scoring;
using Demix.Evaluation.Tests.BssEval;

namespace Demix.Evaluation.Tests.Scoring;

/// <summary>A dataset folder and an estimates folder built from the musdb_v4 fixture, scored end to end.</summary>
public sealed class EndToEndScoringTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"demix-eval-e2e-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Copy(string fixtureFile, params string[] target)
    {
        string path = Path.Combine([root, .. target]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(FixtureFiles.BssEval("musdb_v4", "track1", fixtureFile), path);
        return path;
    }

    [Fact]
    public void ScoreSaveLoadAggregate_MatchesTheMusevalFixture()
    {
        Copy("ref_vocals.wav", "data", "track1", "mixture.wav");
        Copy("ref_vocals.wav", "data", "track1", "vocals.wav");
        Copy("ref_accompaniment.wav", "data", "track1", "accompaniment.wav");
        Copy("est_irm1_vocals.wav", "estimates", "track1", "vocals.wav");
        Copy("est_irm1_accompaniment.wav", "estimates", "track1", "accompaniment.wav");
        EvaluationTrack track = FolderDataset.Tracks(Path.Combine(root, "data")).Single();
        var estimates = new EstimatesFolder(Path.Combine(root, "estimates")).Load(track, TrackScorer.VocalsAccompaniment);

        ScoredTrack scored = TrackScorer.Score(track, estimates, new ScoringSettings());
        var results = new ResultsFolder(Path.Combine(root, "results"));
        Assert.False(results.Contains(track.Subset, track.Name));
        results.Save(track.Subset, scored);

        Assert.True(results.Contains(track.Subset, track.Name));
        TrackScores loaded = results.LoadAll().Single();
        TrackScores expected = MusevalJson.Load(FixtureFiles.BssEval("musdb_v4", "track1", "scores_irm1.museval.json"));
        for (int j = 0; j < 2; j++)
            for (int t = 0; t < 3; t++)
                foreach (BssMetric metric in Enum.GetValues<BssMetric>())
                    Assert.Equal(expected.Targets[j].Frames[t][metric], loaded.Targets[j].Frames[t][metric], 1e-9);
        var usdr = FixtureFiles.ReadJson(FixtureFiles.BssEval("musdb_v4", "track1", "scores_irm1.full.json")).GetProperty("uSDR_whole_track_dB");
        Assert.Equal(usdr.GetProperty("vocals").GetDouble(), scored.UsdrDb["vocals"], 1e-9);
        MetricSummary sdr = ScoreAggregate.Summarize([loaded]).First(s => s.Target == "vocals" && s.Metric == BssMetric.Sdr);
        Assert.Equal(11.27654, sdr.MedianOfMedians, 1e-9);
        Assert.Contains("track1,vocals,", File.ReadAllText(Path.Combine(root, "results", "usdr.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Score_MissingAccompanimentEstimate_ThrowsNamingTrackAndTarget()
    {
        Copy("ref_vocals.wav", "data", "track1", "mixture.wav");
        Copy("ref_vocals.wav", "data", "track1", "vocals.wav");
        Copy("ref_accompaniment.wav", "data", "track1", "accompaniment.wav");
        Copy("est_irm1_vocals.wav", "estimates", "track1", "vocals.wav");
        EvaluationTrack track = FolderDataset.Tracks(Path.Combine(root, "data")).Single();
        var estimates = new EstimatesFolder(Path.Combine(root, "estimates")).Load(track, TrackScorer.VocalsAccompaniment);

        var error = Assert.Throws<ArgumentException>(() => TrackScorer.Score(track, estimates, new ScoringSettings(SdrOnly: true)));
        Assert.Contains("'track1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'accompaniment'", error.Message, StringComparison.Ordinal);
    }
}
