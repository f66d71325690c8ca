using Demix.Tests.Shared;
using Demix.Training.Config;

namespace Demix.Training.Tests;

public sealed class ConfigTests
{
    public static TheoryData<string> ConfigFiles()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "configs"), "*.yaml").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(ConfigFiles))]
    public void EveryExampleConfig_Parses_AndItsDataRootsExist(string file)
    {
        TrainingConfig config = TrainingConfigLoader.Load(Path.Combine(RepositoryPaths.Root, "configs", file));
        Assert.Contains(config.Model.Family, TrainingConfigLoader.Families);
        Assert.All(config.Data.Sources, s => Assert.True(Directory.Exists(s.Root), s.Root));
    }

    [Fact]
    public void Parse_ReadsNestedSectionsAndFamilyHyperParameters()
    {
        TrainingConfig config = TrainingConfigLoader.Parse("""
            name: x
            model: { family: unet, unet: { levels: 3, baseChannels: 4, binCount: 64, fftSize: 256, hopSize: 64 } }
            data: { sources: [ { kind: folder, root: /tmp } ], batchSize: 3 }
            optimizer: { kind: adamw, schedule: cosine, warmupSteps: 10 }
            """, "x.yaml");
        Assert.Equal(3, config.Model.Unet.Levels);
        Assert.Equal(64, config.Model.Unet.BinCount);
        Assert.Equal(3, config.Data.BatchSize);
        Assert.Equal("adamw", config.Optimizer.Kind);
        Assert.Equal(1e-3f, config.Optimizer.LearningRate);
    }

    [Fact]
    public void UnknownKey_NamesTheFileTheKeyAndTheLine()
    {
        var e = Assert.Throws<TrainingConfigException>(() => TrainingConfigLoader.Parse("""
            name: x
            model: { family: unet }
            training:
              maxStep: 10
            """, "run.yaml"));
        Assert.Equal("maxStep", e.Key);
        Assert.StartsWith("run.yaml: 'maxStep'", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 4", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("model: { family: wavenet }", "model.family")]
    [InlineData("model: { family: unet }\ndata: { sources: [ { kind: musdb, root: /x } ] }\noptimizer: { kind: sgd }", "optimizer.kind")]
    [InlineData("model: { family: unet }\ndata: { sources: [ { kind: musdb, root: /x } ], channels: 3 }", "data.channels")]
    [InlineData("model: { family: unet }\ndata: { sources: [ { kind: tapes, root: /x } ] }", "data.sources[0].kind")]
    [InlineData("model: { family: unet }\ndata: { sources: [] }", "data.sources")]
    [InlineData("model: { family: unet }\ndata: { sources: [ { kind: musdb, root: /x } ] }\ntraining: { maxSteps: 0 }", "training.maxSteps")]
    public void InvalidValue_NamesTheDottedKey(string body, string key)
    {
        var e = Assert.Throws<TrainingConfigException>(() => TrainingConfigLoader.Parse("name: x\n" + body, "bad.yaml"));
        Assert.Equal(key, e.Key);
        Assert.StartsWith($"bad.yaml: '{key}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedYaml_NamesTheFile()
    {
        var e = Assert.Throws<TrainingConfigException>(() => TrainingConfigLoader.Parse("name: [x\nmodel: {", "broken.yaml"));
        Assert.StartsWith("broken.yaml:", e.Message, StringComparison.Ordinal);
    }
}
