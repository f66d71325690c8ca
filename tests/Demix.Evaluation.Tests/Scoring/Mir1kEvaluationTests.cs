using Demix.Audio;
using Demix.Evaluation.Datasets;
using Demix.Evaluation.Scoring;

namespace Demix.Evaluation.Tests.Scoring;

/// <summary>Resumable MIR-1K runs: interrupted rows, rows written twice, and one run per results folder.</summary>
public sealed class Mir1kEvaluationTests : IDisposable
{
    private const int Rate = 16000;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "demix-mir1k-eval-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void A_row_cut_by_an_interrupted_run_is_scored_again_and_the_next_rows_stay_intact()
    {
        EvaluationTrack[] clips = [Clip("a", 1), Clip("b", 2), Clip("c", 3)];
        Assert.Equal(2, Mir1kEvaluation.Run(clips[..2], Separate, folder));
        string csv = Path.Combine(folder, "clips.csv");
        string text = File.ReadAllText(csv);
        File.WriteAllText(csv, text[..^25]);   // the process died while writing clip b's row

        Assert.Equal(2, Mir1kEvaluation.Run(clips, Separate, folder));   // b again, and c

        string[] rows = [.. File.ReadAllLines(csv).Skip(1)];
        Assert.Equal(4, rows.Length);   // a, the cut b, b, c
        Assert.Equal(["a", "b", "c"], rows.Where(r => r.Split(',').Length == 10).Select(r => r.Split(',')[0]));
        Assert.Equal(3, Mir1kEvaluation.Summarize(folder).ClipCount);
    }

    [Fact]
    public void A_clip_written_twice_counts_once_in_the_global_means()
    {
        EvaluationTrack[] clips = [Clip("a", 1), Clip("b", 2)];
        Mir1kEvaluation.Run(clips, Separate, folder);
        Mir1kSummary once = Mir1kEvaluation.Summarize(folder);
        string csv = Path.Combine(folder, "clips.csv");
        File.AppendAllText(csv, File.ReadAllLines(csv)[2] + "\n");   // clip b appended a second time

        Mir1kSummary twice = Mir1kEvaluation.Summarize(folder);

        Assert.Equal(2, twice.ClipCount);
        Assert.Equal(once.Gnsdr, twice.Gnsdr);
        Assert.Equal(once.Gsar, twice.Gsar);
    }

    [Fact]
    public void A_second_run_on_the_same_results_folder_is_refused_until_the_first_ends()
    {
        using (ResultsFolderLock first = ResultsFolderLock.Acquire(folder))
        {
            var busy = Assert.Throws<ResultsFolderBusyException>(() => ResultsFolderLock.Acquire(folder));
            Assert.Contains(folder, busy.Message, StringComparison.Ordinal);
        }
        Assert.False(File.Exists(Path.Combine(folder, ResultsFolderLock.FileName)));
        using ResultsFolderLock again = ResultsFolderLock.Acquire(folder);
    }

    /// <summary>A one-second mono clip: voice and music are independent seeded noises at different levels.</summary>
    private static EvaluationTrack Clip(string name, int seed)
    {
        var random = new Random(seed);
        float[] voice = [.. Enumerable.Range(0, Rate).Select(_ => (float)(random.NextDouble() - 0.5))];
        float[] music = [.. Enumerable.Range(0, Rate).Select(_ => 0.5f * (float)(random.NextDouble() - 0.5))];
        var targets = new Dictionary<string, Func<Waveform>>
        {
            ["vocals"] = () => new Waveform([voice], Rate),
            ["accompaniment"] = () => new Waveform([music], Rate),
        };
        return new EvaluationTrack(name, "test", () => new Waveform([[.. voice.Zip(music, (v, m) => v + m)]], Rate), targets);
    }

    /// <summary>Estimates that leak a tenth of the other source.</summary>
    private static (Waveform Voice, Waveform Accompaniment) Separate(EvaluationTrack clip)
    {
        float[] voice = clip.LoadTarget("vocals").Channels[0], music = clip.LoadTarget("accompaniment").Channels[0];
        return (new Waveform([[.. voice.Zip(music, (v, m) => v + 0.1f * m)]], Rate), new Waveform([[.. music.Zip(voice, (m, v) => m + 0.1f * v)]], Rate));
    }
}
