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
        ScoredTrack sdrOnly = TrackScorer.Score(track, estimates, new ScoringSettings(SdrOnly: true));
        Assert.Equal(scored.Scores.Targets[1].Frames[2].Sdr, sdrOnly.Scores.Targets[1].Frames[2].Sdr, 1e-9);
        Assert.True(double.IsNaN(sdrOnly.Scores.Targets[1].Frames[2].Sir));
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

public sealed class DatasetEvaluationTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"demix-eval-run-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Run_SecondTime_SkipsScoredTracks()
    {
        foreach (string track in new[] { "a", "b" })
        {
            Directory.CreateDirectory(Path.Combine(root, "data", track));
            foreach (var (file, name) in new[] { ("ref_vocals.wav", "mixture.wav"), ("ref_vocals.wav", "vocals.wav"), ("ref_accompaniment.wav", "accompaniment.wav") })
                File.Copy(FixtureFiles.BssEval("musdb_v4", "track3", file), Path.Combine(root, "data", track, name));
        }
        var tracks = FolderDataset.Tracks(Path.Combine(root, "data"));
        var results = new ResultsFolder(Path.Combine(root, "results"));
        // "Separation" by halving the mixture: both targets get the same estimate, as the halfmix fixture does.
        IReadOnlyDictionary<string, Demix.Audio.Waveform> Halve(Demix.Audio.Waveform mix)
        {
            var half = new Demix.Audio.Waveform(mix.Channels.Select(c => c.Select(v => 0.5f * v).ToArray()).ToArray(), mix.SampleRate);
            return new Dictionary<string, Demix.Audio.Waveform> { ["vocals"] = half, ["accompaniment"] = half };
        }
        var reports = new List<EvaluationProgress>();

        int first = DatasetEvaluation.Run(tracks, Halve, results, new ScoringSettings(SdrOnly: true), new SyncProgress(reports));
        int second = DatasetEvaluation.Run(tracks, Halve, results, new ScoringSettings(SdrOnly: true), new SyncProgress(reports));

        Assert.Equal(2, first);
        Assert.Equal(0, second);
        Assert.Equal([false, false, true, true], reports.Select(r => r.Skipped));
        Assert.Equal(2, results.LoadAll().Count);
    }

    private sealed class SyncProgress(List<EvaluationProgress> reports) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value) => reports.Add(value);
    }
}
