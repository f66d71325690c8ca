using Demix.Audio;
using Demix.Imaging.Png;
using Demix.Separation.Models.Pix2Pix;
using Demix.Training.Config;
using Demix.Training.Data;
using Demix.Training.Datasets;
using Demix.Training.Loop;
using Demix.Training.Models;
using Demix.Training.Sampling;

namespace Demix.Training.Tests;

/// <summary>pix2pix trained from the image pairs `demix dataset build-images` writes.</summary>
public sealed class ImageFolderTrainingTests
{
    private static Pix2PixHyperParameters BuildImagesScale() => new()
    {
        SampleRate = SpectrogramImageWriter.SampleRate, FftSize = SpectrogramImageWriter.FftSize, HopSize = SpectrogramImageWriter.HopSize,
        ImageSize = 256, GeneratorLevels = 8, GeneratorChannels = 2, DiscriminatorChannels = 2, ReferenceMagnitude = SpectrogramImageWriter.FullScale,
    };

    [Fact]
    public void Pix2Pix_TrainsFromBuiltImages_WhosePixelsItSeesUnchanged()
    {
        using var tiny = new TinyRun(trackCount: 0);
        string images = WriteImages(tiny);
        TrainingConfig config = Config(tiny, images, BuildImagesScale());

        var model = (Pix2PixTrainable)TrainableModels.Create(config, new StepRandom(1));
        using (var data = new TrainingData(config, model, new AudioCache(tiny.Cache)))
        {
            Batch batch = data.Builder.Build(0);
            Assert.Equal((1, 256, 256), (batch.Channels, batch.Frames, batch.Bins));
            (Demix.Engine.Tensors.Tensor condition, _) = model.Images(batch);
            var png = PngDecoder.Load(Directory.GetFiles(Path.Combine(images, "A"))[0]);   // the only pair
            for (int row = 0; row < 256; row += 17)
                for (int column = 0; column < 256; column += 13)
                    Assert.Equal(png.Row(row)[column] / 255f * 2 - 1, condition.Data[row * 256 + column], 1e-3f);
        }
        TrainingResult result = new Trainer(config, tiny.RunDirectory("images")).Run();
        Assert.Equal(2, result.Step);
        Assert.All(result.Losses, l => Assert.True(double.IsFinite(l) && l > 0));
    }

    [Fact]
    public void ImagesRenderedAtAnotherScale_StopTheRunNamingTheFolder()
    {
        using var tiny = new TinyRun(trackCount: 0);
        string images = WriteImages(tiny);
        TrainingConfig config = Config(tiny, images, BuildImagesScale() with { HopSize = 430 });
        var e = Assert.Throws<InvalidDataException>(() => new Trainer(config, tiny.RunDirectory("wrong")).Run());
        Assert.Contains(images, e.Message, StringComparison.Ordinal);
        Assert.Contains("512/400", e.Message, StringComparison.Ordinal);
    }

    private static TrainingConfig Config(TinyRun tiny, string images, Pix2PixHyperParameters hp) => new()
    {
        Name = "pix2pix-images",
        Model = new ModelConfig { Family = "pix2pix", Pix2Pix = hp },
        Data = new DataConfig { Sources = [new SourceConfig { Kind = "images", Root = images }], BatchSize = 1, Channels = 1, Cache = tiny.Cache },
        Optimizer = new OptimizerConfig { LearningRate = 2e-4f, Beta1 = 0.5f },
        Training = new LoopConfig { MaxSteps = 2, CheckpointEvery = 10, Workers = 0 },
    };

    /// <summary>One 5.5 s track (one 5 s chunk) rendered by the dataset writer; returns the image folder.</summary>
    private static string WriteImages(TinyRun tiny)
    {
        string track = Path.Combine(tiny.Root, "long", "song");
        Directory.CreateDirectory(track);
        int frames = 44_000;
        float[][] vocals = TinyRun.Tone(frames, 400, 0.2, 1), accompaniment = TinyRun.Tone(frames, 150, 0.3, 2);
        AudioFile.Write(Path.Combine(track, "vocals.wav"), new Waveform(vocals, TinyRun.SampleRate));
        AudioFile.Write(Path.Combine(track, "accompaniment.wav"), new Waveform(accompaniment, TinyRun.SampleRate));
        AudioFile.Write(Path.Combine(track, "mixture.wav"), new Waveform([.. vocals.Select((v, c) => v.Select((x, n) => x + accompaniment[c][n]).ToArray())], TinyRun.SampleRate));
        string output = Path.Combine(tiny.Root, "images");
        (int kept, _) = SpectrogramImageWriter.Write(new SourceConfig { Kind = "folder", Root = Path.GetDirectoryName(track)! }, output, new AudioCache(tiny.Cache));
        Assert.Equal(1, kept);
        return output;
    }
}
