using Demix.Separation.Models;
using Demix.Separation.Models.OpenUnmix;
using Demix.Separation.Tests.Support;
using Demix.Tests.Shared;

namespace Demix.Separation.Tests.Models;

/// <summary>The shipped default model (repository <c>models/</c>) and the errors for a missing or broken one.</summary>
public sealed class DefaultModelTests
{
    private static string RepositoryModels => Path.Combine(RepositoryPaths.Root, DefaultModel.FolderName);

    [Fact]
    public void ResolveCard_TheNameDefault_IsTheShippedModelUnlessTheCacheHasOneOfThatName()
    {
        using var cache = new TempFolder();
        var store = new ModelStore(cache.Path) { DefaultModelFolder = RepositoryModels };
        Assert.Equal(DefaultModel.CardPath(RepositoryModels), store.ResolveCard("default"));

        var elsewhere = new ModelStore(cache.Path) { DefaultModelFolder = cache.Path };
        Assert.Throws<ModelFileException>(() => elsewhere.ResolveCard("default"));

        File.Copy(DefaultModel.CardPath(RepositoryModels), Path.Combine(cache.Path, "default.json"));
        File.Copy(DefaultModel.WeightsPath(RepositoryModels), Path.Combine(cache.Path, "default.safetensors"));
        Assert.Equal(Path.Combine(cache.Path, "default.json"), store.ResolveCard("default"));
    }

    [Fact]
    public void Load_TheShippedModel_IsAStereoOpenUnmixGivingVocalsAndAccompanimentAt44100()
    {
        ISeparationModel model = DefaultModel.Load(RepositoryModels);

        var openUnmix = Assert.IsType<OpenUnmixModel>(model);
        Assert.Equal(["vocals", "accompaniment"], model.Stems);
        Assert.Equal(44100, model.Card.SampleRate);
        Assert.Equal(2, openUnmix.HyperParameters.ChannelCount);
        Assert.True(new FileInfo(DefaultModel.WeightsPath(RepositoryModels)).Length < 50L << 20, "the default model must stay under 50 MB");
    }

    [Fact]
    public void Load_MissingWeights_NamesTheFileAndSuggestsAClassicMethod()
    {
        using var folder = new TempFolder();
        File.Copy(DefaultModel.CardPath(RepositoryModels), DefaultModel.CardPath(folder.Path));

        var error = Assert.Throws<ModelFileException>(() => DefaultModel.Load(folder.Path));

        Assert.Equal(DefaultModel.WeightsPath(folder.Path), error.Path);
        Assert.Contains(DefaultModel.WeightsPath(folder.Path), error.Message, StringComparison.Ordinal);
        Assert.Contains("--method center", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CorruptWeights_NamesTheWeightsFile()
    {
        using var folder = new TempFolder();
        File.Copy(DefaultModel.CardPath(RepositoryModels), DefaultModel.CardPath(folder.Path));
        File.WriteAllBytes(DefaultModel.WeightsPath(folder.Path), [.. Enumerable.Range(0, 300).Select(i => (byte)(i * 7))]);

        var error = Assert.Throws<ModelFileException>(() => DefaultModel.Load(folder.Path));

        Assert.Equal(DefaultModel.WeightsPath(folder.Path), error.Path);
        Assert.Contains("--method center", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TruncatedWeights_IsRefusedNotHalfLoaded()
    {
        using var folder = new TempFolder();
        File.Copy(DefaultModel.CardPath(RepositoryModels), DefaultModel.CardPath(folder.Path));
        byte[] weights = File.ReadAllBytes(DefaultModel.WeightsPath(RepositoryModels));
        File.WriteAllBytes(DefaultModel.WeightsPath(folder.Path), weights[..(weights.Length / 2)]);

        var error = Assert.Throws<ModelFileException>(() => DefaultModel.Load(folder.Path));

        Assert.Contains(DefaultModel.WeightsPath(folder.Path), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CorruptCard_NamesTheCard()
    {
        using var folder = new TempFolder();
        File.WriteAllText(DefaultModel.CardPath(folder.Path), "{ \"name\": ");
        File.Copy(DefaultModel.WeightsPath(RepositoryModels), DefaultModel.WeightsPath(folder.Path));

        var error = Assert.Throws<ModelFileException>(() => DefaultModel.Load(folder.Path));

        Assert.Equal(DefaultModel.CardPath(folder.Path), error.Path);
        Assert.Contains("--method center", error.Message, StringComparison.Ordinal);
    }
}
