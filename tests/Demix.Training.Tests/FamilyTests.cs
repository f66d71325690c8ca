using Demix.Separation.Models.Drnn;
using Demix.Separation.Models.FrameTransformer;
using Demix.Separation.Models.UNet;
using Demix.Training.Config;
using Demix.Training.Loop;

namespace Demix.Training.Tests;

public sealed class FamilyTests
{
    [Fact]
    public void UNet_TrainsAndValidates()
    {
        using var tiny = new TinyRun();
        TrainingConfig config = tiny.Config(maxSteps: 3, validation: true);
        config.Model = new ModelConfig
        {
            Family = "unet",
            Unet = new UNetHyperParameters { SampleRate = TinyRun.SampleRate, FftSize = 256, HopSize = 64, BinCount = 64, Levels = 2, BaseChannels = 2, ChunkSeconds = 1, OverlapSeconds = 0.25 },
        };
        AssertTrains(new Trainer(config, tiny.RunDirectory("unet")).Run());
    }

    [Fact]
    public void Drnn_MonoTrainsWithTheDiscriminativeLoss()
    {
        using var tiny = new TinyRun();
        TrainingConfig config = tiny.Config(maxSteps: 3, validation: true);
        config.Data.Channels = 1;
        config.Model = new ModelConfig
        {
            Family = "drnn",
            Drnn = new DrnnHyperParameters { SampleRate = TinyRun.SampleRate, FftSize = 256, HopSize = 128, HiddenSize = 8, LayerCount = 2, ChunkSeconds = 1, OverlapSeconds = 0.25 },
        };
        AssertTrains(new Trainer(config, tiny.RunDirectory("drnn")).Run());
    }

    [Fact]
    public void FrameTransformer_TrainsOnTheAccompaniment()
    {
        using var tiny = new TinyRun();
        TrainingConfig config = tiny.Config(maxSteps: 2, validation: true);
        config.Model = new ModelConfig
        {
            Family = "frame-transformer",
            FrameTransformer = new FrameTransformerHyperParameters
            {
                SampleRate = TinyRun.SampleRate, FftSize = 256, HopSize = 64, BinCount = 64, Levels = 2, BaseChannels = 2,
                ModelWidth = 8, HeadCount = 2, BlockCount = 1, RelativeDistance = 8, ChunkSeconds = 1, OverlapSeconds = 0.25,
            },
        };
        AssertTrains(new Trainer(config, tiny.RunDirectory("ft")).Run());
    }

    private static void AssertTrains(TrainingResult result)
    {
        Assert.All(result.Losses, l => Assert.True(double.IsFinite(l) && l > 0));
        Assert.True(double.IsFinite(result.BestVocalsSdrDb));
    }
}
