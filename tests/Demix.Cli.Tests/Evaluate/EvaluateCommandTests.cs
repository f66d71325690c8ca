using Demix.Audio;
using Demix.Cli.Tests.Support;
using Demix.Evaluation.Results;
using Demix.Evaluation.Scoring;
using Demix.Tests.Shared;

namespace Demix.Cli.Tests.Evaluate;

/// <summary>End-to-end runs of <c>demix evaluate</c> and <c>demix compare</c>.</summary>
public sealed class EvaluateCommandTests
{
    private const string TwoPreviews = "Actions - One Minute Smile,ANiMAL - Rockshow";

    [Fact]
    public void Musdb_previews_are_scored_then_skipped_on_resume()
    {
        using var folder = new TestFolder();
        string[] args = ["evaluate", "--dataset", "musdb", "--root", RepositoryPaths.Data("musdb18-7"), "--split", "valid",
            "--method", "hpss", "--tracks", TwoPreviews, "--output", folder["hpss"]];
        CliRun first = CliRun.Of(args);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("scored 2, skipped 0", first.Output);
        Assert.Contains("| vocals | SDR |", first.Output);
        IReadOnlyList<TrackScores> tracks = new ResultsFolder(folder["hpss"]).LoadAll();
        Assert.Equal(2, tracks.Count);
        Assert.All(tracks, t => Assert.Equal(["vocals", "accompaniment"], t.Targets.Select(x => x.Name)));
        Assert.True(File.Exists(folder["hpss/aggregate.json"]) && File.Exists(folder["hpss/aggregate.csv"]) && File.Exists(folder["hpss/aggregate.md"]));
        DateTime written = File.GetLastWriteTimeUtc(Directory.GetFiles(folder["hpss"], "*Rockshow.json", SearchOption.AllDirectories)[0]);

        CliRun resumed = CliRun.Of(args);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains("scored 0, skipped 2", resumed.Output);
        Assert.Contains("(already scored)", resumed.Output);
        Assert.Equal(written, File.GetLastWriteTimeUtc(Directory.GetFiles(folder["hpss"], "*Rockshow.json", SearchOption.AllDirectories)[0]));
    }

    [Fact]
    public void Estimates_folder_scores_the_same_as_the_method_that_made_it()
    {
        using var folder = new TestFolder();
        WriteFolderDataset(folder);
        CliRun baseline = CliRun.Of("evaluate", "--dataset", "folder", "--root", folder["data"], "--method", "mixture", "--output", folder["mix"]);
        Assert.True(baseline.ExitCode == 0, baseline.Error);
        foreach (string track in new[] { "a", "b" })
        {
            Directory.CreateDirectory(folder[$"est/{track}"]);
            File.Copy(folder[$"data/{track}/mixture.wav"], folder[$"est/{track}/vocals.wav"]);
            File.Copy(folder[$"data/{track}/mixture.wav"], folder[$"est/{track}/accompaniment.wav"]);
        }
        CliRun scored = CliRun.Of("evaluate", "--dataset", "folder", "--root", folder["data"], "--estimates", folder["est"], "--output", folder["est-results"]);
        Assert.True(scored.ExitCode == 0, scored.Error);
        var expected = new ResultsFolder(folder["mix"]).LoadAll();
        var actual = new ResultsFolder(folder["est-results"]).LoadAll();
        Assert.Equal(MusevalJson.ToJson(expected[0]), MusevalJson.ToJson(actual[0]));
        Assert.Equal(MusevalJson.ToJson(expected[1]), MusevalJson.ToJson(actual[1]));

        CliRun compare = CliRun.Of("compare", folder["mix"], folder["est-results"]);
        Assert.Equal(0, compare.ExitCode);
        Assert.Contains("| mix | est-results |", compare.Output);
    }

    [Fact]
    public void Missing_estimates_and_two_sources_are_usage_errors()
    {
        using var folder = new TestFolder();
        WriteFolderDataset(folder);
        CliRun both = CliRun.Of("evaluate", "--dataset", "folder", "--root", folder["data"], "--method", "hpss", "--estimates", folder["x"]);
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("exactly one of --method, --model or --estimates", both.Error);
        CliRun unknown = CliRun.Of("evaluate", "--dataset", "folder", "--root", folder["data"], "--method", "nope");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("irm1", unknown.Error);
    }

    /// <summary>Two 3 s stereo tracks: a 440 Hz "voice" burst and a noise "accompaniment".</summary>
    [Fact]
    public void A_results_folder_in_use_by_another_run_is_refused_and_left_untouched()
    {
        using var folder = new TestFolder();
        WriteFolderDataset(folder);
        using (ResultsFolderLock held = ResultsFolderLock.Acquire(folder["busy"]))
        {
            CliRun refused = CliRun.Of("evaluate", "--dataset", "folder", "--root", folder["data"], "--method", "mixture", "--output", folder["busy"]);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("another evaluation is writing to", refused.Error);
            Assert.Contains(folder["busy"], refused.Error);
            Assert.Equal([ResultsFolderLock.FileName], Directory.GetFileSystemEntries(folder["busy"]).Select(Path.GetFileName));
        }
        CliRun after = CliRun.Of("evaluate", "--dataset", "folder", "--root", folder["data"], "--method", "mixture", "--output", folder["busy"]);
        Assert.True(after.ExitCode == 0, after.Error);
        Assert.Contains("scored 2, skipped 0", after.Output);
    }

    private static void WriteFolderDataset(TestFolder folder)
    {
        var random = new Random(7);
        foreach (string track in new[] { "a", "b" })
        {
            const int Rate = 8000, Frames = 3 * Rate;
            var vocals = new float[2][];
            var accompaniment = new float[2][];
            var mixture = new float[2][];
            for (int c = 0; c < 2; c++)
            {
                vocals[c] = new float[Frames];
                accompaniment[c] = new float[Frames];
                mixture[c] = new float[Frames];
                for (int n = 0; n < Frames; n++)
                {
                    vocals[c][n] = (float)(0.3 * Math.Sin(2 * Math.PI * 440 * n / Rate) * (1 + 0.5 * Math.Sin(n * 0.001 + c)));
                    accompaniment[c][n] = (float)(0.2 * (random.NextDouble() - 0.5));
                    mixture[c][n] = vocals[c][n] + accompaniment[c][n];
                }
            }
            Directory.CreateDirectory(folder[$"data/{track}"]);
            var options = new AudioWriteOptions { BitDepth = WavSampleFormat.Float32 };
            AudioFile.Write(folder[$"data/{track}/vocals.wav"], new Waveform(vocals, Rate), options);
            AudioFile.Write(folder[$"data/{track}/accompaniment.wav"], new Waveform(accompaniment, Rate), options);
            AudioFile.Write(folder[$"data/{track}/mixture.wav"], new Waveform(mixture, Rate), options);
        }
    }
}
