using Demix.Engine.Io.Safetensors;
using Demix.Training.Config;
using Demix.Training.Loop;

namespace Demix.Training.Tests;

/// <summary><c>model.initFrom</c>: a fresh run starts from an earlier run's weights (S4's two stages).</summary>
public sealed class InitFromTests
{
    [Fact]
    public void InitFrom_ACheckpointOrAnExportedModel_StartsTheRunFromThoseWeights()
    {
        using var tiny = new TinyRun();
        string stage1 = tiny.RunDirectory("stage1");
        TrainingConfig first = SeedFamilyTrainingTests.KaraokeConfig(tiny, 2, validation: true);
        first.Augment.VoiceNoiseOnly = true;
        new Trainer(first, stage1).Run();
        var trained = Model(Path.Combine(stage1, Checkpoint.TensorsFile));

        foreach (string source in new[] { Path.Combine(stage1, Checkpoint.TensorsFile), Path.Combine(new RunDirectory(stage1).Best, "tiny.safetensors") })
        {
            string stage2 = tiny.RunDirectory("stage2-" + Path.GetFileNameWithoutExtension(source));
            TrainingConfig second = SeedFamilyTrainingTests.KaraokeConfig(tiny, 5);
            second.Model.InitFrom = source;
            new Trainer(second, stage2) { StepLimit = 0 }.Run();   // writes the checkpoint of step 0: the initial weights
            var initial = Model(Path.Combine(stage2, Checkpoint.TensorsFile));
            if (source.EndsWith("tiny.safetensors", StringComparison.Ordinal))
            {
                var exported = SafetensorsReader.Read(source).ToDictionary(t => t.Name);
                foreach (var (name, tensor) in initial) Assert.Equal(exported[name].Data, tensor);
            }
            else Assert.Equal(trained, initial);
        }
    }

    [Fact]
    public void InitFrom_AModelOfAnotherSize_FailsNamingTheFileAndTheTensor()
    {
        using var tiny = new TinyRun();
        string stage1 = tiny.RunDirectory("narrow");
        TrainingConfig narrow = SeedFamilyTrainingTests.KaraokeConfig(tiny, 1);
        narrow.Model.KaraokeCnn = SeedFamilyTrainingTests.TinyKaraoke(channels: 4);
        new Trainer(narrow, stage1).Run();

        TrainingConfig wide = SeedFamilyTrainingTests.KaraokeConfig(tiny, 2);
        wide.Model.InitFrom = Path.Combine(stage1, Checkpoint.TensorsFile);
        var e = Assert.Throws<InvalidDataException>(() => new Trainer(wide, tiny.RunDirectory("wide")).Run());
        Assert.Contains("model.initFrom", e.Message, StringComparison.Ordinal);
        Assert.Contains(wide.Model.InitFrom, e.Message, StringComparison.Ordinal);
        Assert.Contains("layer0.weight", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InitFrom_AMissingFile_FailsBeforeAnyDataIsDecoded()
    {
        using var tiny = new TinyRun();
        TrainingConfig config = SeedFamilyTrainingTests.KaraokeConfig(tiny, 2);
        config.Model.InitFrom = Path.Combine(tiny.Root, "missing.safetensors");
        var e = Assert.Throws<FileNotFoundException>(() => new Trainer(config, tiny.RunDirectory("x")).Run());
        Assert.Contains("missing.safetensors", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(tiny.Cache));
    }

    [Fact]
    public void InitFrom_InAConfigFile_IsRelativeToTheFile()
    {
        using var tiny = new TinyRun();
        string path = Path.Combine(tiny.Root, "c.yaml");
        File.WriteAllText(path, "name: k\nmodel: { family: karaoke-cnn, initFrom: runs/a/best/a.safetensors, karaokeCnn: { channels: 8, mode: InvertedWaveform } }\n" +
            "data: { sources: [ { kind: folder, root: data } ] }\noptimizer: { beta1: 0.5 }\n");
        TrainingConfig config = TrainingConfigLoader.Load(path);
        Assert.Equal(Path.Combine(tiny.Root, "runs", "a", "best", "a.safetensors"), config.Model.InitFrom);
        Assert.Equal(8, config.Model.KaraokeCnn.Channels);
        Assert.Equal(Separation.Models.KaraokeCnn.KaraokeMode.InvertedWaveform, config.Model.KaraokeCnn.Mode);
        Assert.Equal(0.5f, config.Optimizer.Beta1);
    }

    private static Dictionary<string, float[]> Model(string checkpoint) =>
        SafetensorsReader.Read(checkpoint).Where(t => t.Name.StartsWith("model.", StringComparison.Ordinal)).ToDictionary(t => t.Name["model.".Length..], t => t.Data);
}
