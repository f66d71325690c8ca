using Demix.Engine.Io.Safetensors;
using Demix.Separation.Models;
using Demix.Training.Data;
using Demix.Training.Loop;

namespace Demix.Training.Tests;

public sealed class TrainerTests
{
    [Fact]
    public void Resume_AtStepK_ContinuesTheSameLossCurveBitForBit()
    {
        using var tiny = new TinyRun();
        TrainingResult straight = new Trainer(tiny.Config(maxSteps: 6), tiny.RunDirectory("straight")).Run();

        string split = tiny.RunDirectory("split");
        TrainingResult first = new Trainer(tiny.Config(maxSteps: 6), split) { StepLimit = 3 }.Run();
        TrainingResult second = new Trainer(tiny.Config(maxSteps: 6), split).Run();

        Assert.Equal(3, first.Step);
        Assert.Equal(6, second.Step);
        Assert.Equal(straight.Losses, first.Losses.Concat(second.Losses));
        AssertSameWeights(tiny.RunDirectory("straight"), split);
        Assert.All(straight.Losses, l => Assert.True(double.IsFinite(l)));
    }

    [Fact]
    public void Run_ForegroundAndBackgroundLoading_GiveTheSameLosses()
    {
        using var tiny = new TinyRun();
        TrainingResult background = new Trainer(tiny.Config(maxSteps: 3, workers: 1), tiny.RunDirectory("a")).Run();
        TrainingResult foreground = new Trainer(tiny.Config(maxSteps: 3, workers: 0), tiny.RunDirectory("b")).Run();
        Assert.Equal(background.Losses, foreground.Losses);
    }

    [Fact]
    public void Cancellation_MidRun_WritesACheckpointThatResumesExactly()
    {
        using var tiny = new TinyRun();
        TrainingResult straight = new Trainer(tiny.Config(maxSteps: 5), tiny.RunDirectory("straight")).Run();

        string folder = tiny.RunDirectory("cancelled");
        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress(p => { if (p.Step == 3) cancellation.Cancel(); });
        TrainingResult interrupted = new Trainer(tiny.Config(maxSteps: 5), folder) { Progress = progress }.Run(cancellation.Token);

        Assert.True(interrupted.Cancelled);
        Assert.Equal(3, interrupted.Step);
        Assert.Equal(3, TrainerState.FromJson(File.ReadAllText(Path.Combine(folder, Checkpoint.StateFile))).Step);
        TrainingResult resumed = new Trainer(tiny.Config(maxSteps: 5), folder).Run();
        Assert.Equal(straight.Losses, interrupted.Losses.Concat(resumed.Losses));
    }

    [Fact]
    public void Validation_ExportsTheBestModelWithMetrics_AndWritesLogAndPlot()
    {
        using var tiny = new TinyRun();
        string folder = tiny.RunDirectory("validated");
        TrainingResult result = new Trainer(tiny.Config(maxSteps: 6, validation: true), folder).Run();

        var run = new RunDirectory(folder);
        ISeparationModel best = ModelFile.Load(run.Best);
        Assert.Equal("open-unmix", best.Card.Family);
        Assert.Equal(result.BestVocalsSdrDb, best.Card.Metrics["validation.vocals.sdr_db"], 1e-3);
        Assert.True(double.IsFinite(result.BestVocalsSdrDb));
        string[] lines = File.ReadAllLines(run.Log);
        Assert.Equal(TrainingLog.Header, lines[0]);
        Assert.Equal(7, lines.Length);
        Assert.Equal(2, lines.Skip(1).Count(l => l.Split(',')[5].Length > 0));   // validations at steps 3 and 6
        Assert.True(new FileInfo(run.Plot).Length > 1000);
        Assert.Contains("samples/s", File.ReadAllText(run.Timing));
    }

    [Fact]
    public void Training_LowersTheLossOnTheTinyCorpus()
    {
        using var tiny = new TinyRun();
        var config = tiny.Config(maxSteps: 30);
        config.Augment.Remix = false;
        config.Training.CheckpointEvery = 100;
        TrainingResult result = new Trainer(config, tiny.RunDirectory("learn")).Run();
        Assert.True(result.Losses.TakeLast(5).Average() < 0.7 * result.Losses.Take(5).Average(),
            $"first {result.Losses.Take(5).Average()}, last {result.Losses.TakeLast(5).Average()}");
    }

    private static void AssertSameWeights(string a, string b)
    {
        var left = SafetensorsReader.Read(Path.Combine(a, Checkpoint.TensorsFile)).ToDictionary(t => t.Name);
        var right = SafetensorsReader.Read(Path.Combine(b, Checkpoint.TensorsFile)).ToDictionary(t => t.Name);
        Assert.Equal(left.Keys.Order(), right.Keys.Order());
        foreach (var (name, tensor) in left) Assert.True(tensor.Data.AsSpan().SequenceEqual(right[name].Data), name);
    }

    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
