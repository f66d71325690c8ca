using Demix.Engine.Io.Safetensors;
using Demix.Separation.Models;
using Demix.Separation.Models.KaraokeCnn;
using Demix.Separation.Models.Pix2Pix;
using Demix.Training.Config;
using Demix.Training.Data;
using Demix.Training.Loop;
using Demix.Training.Models;
using Demix.Training.Sampling;
using Xunit.Abstractions;

namespace Demix.Training.Tests;

/// <summary>The S4 karaoke CNN and S0 pix2pix trainers on the tiny corpus: overfitting, validation, resume, initFrom.</summary>
public sealed class SeedFamilyTrainingTests(ITestOutputHelper output)
{
    internal static KaraokeCnnHyperParameters TinyKaraoke(int channels = 6) =>
        new() { SampleRate = TinyRun.SampleRate, FftSize = 256, HopSize = 64, Channels = channels, LayerCount = 3, ChunkSeconds = 1, OverlapSeconds = 0.25 };

    internal static Pix2PixHyperParameters TinyPix2Pix() => new()
    {
        SampleRate = TinyRun.SampleRate, FftSize = 256, HopSize = 64, ImageSize = 32, GeneratorLevels = 5, GeneratorChannels = 4,
        DiscriminatorChannels = 4, ReferenceMagnitude = 64, ChunkSeconds = 1, OverlapSeconds = 0.25,
    };

    internal static TrainingConfig KaraokeConfig(TinyRun tiny, int maxSteps, bool validation = false)
    {
        TrainingConfig config = tiny.Config(maxSteps, validation);
        config.Model = new ModelConfig { Family = "karaoke-cnn", KaraokeCnn = TinyKaraoke() };
        return config;
    }

    internal static TrainingConfig Pix2PixConfig(TinyRun tiny, int maxSteps, bool validation = false)
    {
        TrainingConfig config = tiny.Config(maxSteps, validation);
        config.Model = new ModelConfig { Family = "pix2pix", Pix2Pix = TinyPix2Pix() };
        config.Data.Channels = 1;
        config.Optimizer = new OptimizerConfig { LearningRate = 2e-3f, Beta1 = 0.5f };
        return config;
    }

    /// <summary>60 Adam steps on one fixed batch of the tiny corpus lower the L1 of the vocal magnitude at least 5-fold.</summary>
    [Fact]
    public void KaraokeCnn_OverfitsOneBatch_LossFallsFivefoldIn60Steps()
    {
        using var tiny = new TinyRun();
        (double first, double last) = Overfit(KaraokeConfig(tiny, 60), steps: 60);
        Assert.True(last < first / 5, $"L1 {first:G4} -> {last:G4}");
    }

    /// <summary>60 GAN steps on one fixed batch lower the generator's image L1 at least 3-fold.</summary>
    [Fact]
    public void Pix2Pix_OverfitsOneBatch_ImageL1FallsThreefoldIn60Steps()
    {
        using var tiny = new TinyRun();
        (double first, double last) = Overfit(Pix2PixConfig(tiny, 60), steps: 60);
        Assert.True(last < first / 3, $"L1 {first:G4} -> {last:G4}");
    }

    [Fact]
    public void KaraokeCnn_TrainsValidatesAndExportsTheBestModel()
    {
        using var tiny = new TinyRun();
        string folder = tiny.RunDirectory("karaoke");
        TrainingResult result = new Trainer(KaraokeConfig(tiny, 3, validation: true), folder).Run();
        Assert.All(result.Losses, l => Assert.True(double.IsFinite(l) && l > 0));
        ISeparationModel best = ModelFile.Load(new RunDirectory(folder).Best);
        Assert.Equal(KaraokeCnnFamily.Name, best.Card.Family);
        Assert.Equal(result.BestVocalsSdrDb, best.Card.Metrics["validation.vocals.sdr_db"], 1e-3);
    }

    [Fact]
    public void Pix2Pix_TrainsValidatesAndExportsBothNetworks()
    {
        using var tiny = new TinyRun();
        string folder = tiny.RunDirectory("pix2pix");
        TrainingResult result = new Trainer(Pix2PixConfig(tiny, 3, validation: true), folder).Run();
        Assert.All(result.Losses, l => Assert.True(double.IsFinite(l) && l > 0));
        Assert.True(double.IsFinite(result.BestVocalsSdrDb));
        ISeparationModel best = ModelFile.Load(new RunDirectory(folder).Best);
        Assert.Equal(Pix2PixFamily.Name, best.Card.Family);
        Assert.Contains(best.ExportWeights(), t => t.Name.StartsWith("discriminator.", StringComparison.Ordinal));
    }

    [Fact]
    public void Pix2Pix_ResumeAfterTwoOfFourSteps_RepeatsTheRunBitForBit_BothNetworksAndBothOptimisers()
    {
        using var tiny = new TinyRun();
        TrainingResult straight = new Trainer(Pix2PixConfig(tiny, 4), tiny.RunDirectory("straight")).Run();
        string split = tiny.RunDirectory("split");
        TrainingResult first = new Trainer(Pix2PixConfig(tiny, 4), split) { StepLimit = 2 }.Run();
        TrainingResult second = new Trainer(Pix2PixConfig(tiny, 4), split).Run();

        Assert.Equal(straight.Losses, first.Losses.Concat(second.Losses));
        var left = SafetensorsReader.Read(Path.Combine(tiny.RunDirectory("straight"), Checkpoint.TensorsFile)).ToDictionary(t => t.Name);
        var right = SafetensorsReader.Read(Path.Combine(split, Checkpoint.TensorsFile)).ToDictionary(t => t.Name);
        Assert.Equal(left.Keys.Order(), right.Keys.Order());
        foreach (string prefix in new[] { "model.generator.", "model.discriminator.", AdversarialStep.GeneratorPrefix, AdversarialStep.DiscriminatorPrefix })
            Assert.Contains(left.Keys, k => k.StartsWith(prefix, StringComparison.Ordinal));
        Assert.Equal(4f, left[AdversarialStep.GeneratorPrefix + "step"].Data[0]);
        Assert.Equal(4f, left[AdversarialStep.DiscriminatorPrefix + "step"].Data[0]);
        Assert.Contains(left.Keys, k => k.StartsWith(AdversarialStep.DiscriminatorPrefix + "exp_avg", StringComparison.Ordinal));
        foreach (var (name, tensor) in left) Assert.True(tensor.Data.AsSpan().SequenceEqual(right[name].Data), name);
    }

    /// <summary>Runs <paramref name="steps"/> steps of the config's family on batch 0 again and again; (first, last) loss.</summary>
    private (double First, double Last) Overfit(TrainingConfig config, int steps)
    {
        var random = new StepRandom(1);
        ITrainableModel model = TrainableModels.Create(config, random);
        using var data = new TrainingData(config, model, new AudioCache(config.Data.Cache));
        Batch batch = data.Builder.Build(0);
        model.Initialise([batch]);
        ITrainingStep step = model.CreateStep(config.Optimizer);
        model.Network.Train();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var losses = new List<double>();
        for (int i = 0; i < steps; i++)
        {
            random.Reseed(i);
            losses.Add(step.Run(batch, config.Optimizer.LearningRate, _ => { }));
        }
        double seconds = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        output.WriteLine($"{config.Model.Family}: loss {losses[0]:G4} -> {losses[^1]:G4} in {steps} steps ({losses[^1] / losses[0]:P1}), {seconds:F1} CPU s");
        Assert.All(losses, l => Assert.True(double.IsFinite(l)));
        return (losses[0], losses[^1]);
    }
}
