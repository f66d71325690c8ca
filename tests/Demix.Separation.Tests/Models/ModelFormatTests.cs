using Demix.Separation.Models;
using Demix.Separation.Models.OpenUnmix;
using Demix.Separation.Tests.Support;

namespace Demix.Separation.Tests.Models;

/// <summary>The model format: card + safetensors save/load round trips and the errors a user can meet.</summary>
public sealed class ModelFormatTests
{
    [Theory]
    [InlineData(2, 1)]
    [InlineData(1, 0)]
    public void SaveLoad_RandomOpenUnmix_GivesIdenticalStemsAndWeights(int channels, int iterations)
    {
        using var folder = new TempFolder();
        OpenUnmixModel model = TinyModels.Create("tiny", ["vocals", "drums"], TinyModels.HyperParameters(iterations, channels), seed: 7);
        float[][] mix = TinyModels.Mixture(20000, 44100, seed: 3);

        string cardPath = ModelFile.Save(model, folder.Path);
        ISeparationModel loaded = ModelFile.Load(folder.File("tiny.safetensors"));

        Assert.Equal(folder.File("tiny.json"), cardPath);
        Assert.Equal(model.Stems, loaded.Stems);
        Assert.Equal(ModelCardJson.Serialize(model.Card), ModelCardJson.Serialize(loaded.Card));
        var before = model.ExportWeights();
        var after = loaded.ExportWeights();
        Assert.Equal(before.Select(w => w.Name), after.Select(w => w.Name));
        for (int i = 0; i < before.Count; i++) Assert.Equal(before[i].Data, after[i].Data);
        float[][][] expected = model.CreateSeparator().Separate(mix, 44100);
        float[][][] actual = loaded.CreateSeparator().Separate(mix, 44100);
        for (int s = 0; s < expected.Length; s++)
            for (int c = 0; c < expected[s].Length; c++) Assert.Equal(expected[s][c], actual[s][c]);   // bit for bit
    }

    [Fact]
    public void Card_JsonRoundTrip_KeepsEveryField()
    {
        ModelCard card = OpenUnmixFamily.NewCard("c", ["vocals"], TinyModels.HyperParameters()) with
        {
            Licence = "CC BY 4.0",
            Training = new TrainingInfo("MUSDB18 train", "seed 1"),
            Metrics = new Dictionary<string, double> { ["museval-v4 SDR vocals (dB)"] = 6.3 },
            Sources = [new SourceFile("https://example.org/v.pth", "ab12", "published")],
        };
        string json = ModelCardJson.Serialize(card);
        ModelCard back = ModelCardJson.Deserialize(json, "c.json");

        Assert.Equal(json, ModelCardJson.Serialize(back));
        Assert.Contains("\"family\": \"open-unmix\"", json);
        Assert.Contains("\"window\": \"HannPeriodic\"", json);
        Assert.Contains("\"hiddenSize\": 8", json);
        Assert.Equal(6.3, back.Metrics["museval-v4 SDR vocals (dB)"]);
    }

    [Fact]
    public void Load_UnknownFamily_NamesTheFileAndTheKnownFamilies()
    {
        using var folder = new TempFolder();
        ModelFile.Save(TinyModels.Create("m", ["vocals"], TinyModels.HyperParameters(), 1), folder.Path);
        string card = File.ReadAllText(folder.File("m.json")).Replace("\"open-unmix\"", "\"wavenet\"", StringComparison.Ordinal);
        File.WriteAllText(folder.File("m.json"), card);

        var error = Assert.Throws<ModelFileException>(() => ModelFile.Load(folder.File("m.json")));

        Assert.Contains("m.json", error.Message);
        Assert.Contains("unknown model family 'wavenet'", error.Message);
        Assert.Contains("open-unmix", error.Message);
    }

    [Fact]
    public void Load_WeightsOfAnotherSize_SaysTheyDoNotFit()
    {
        using var folder = new TempFolder();
        ModelFile.Save(TinyModels.Create("m", ["vocals"], TinyModels.HyperParameters(), 1), folder.Path);
        string card = File.ReadAllText(folder.File("m.json")).Replace("\"hiddenSize\": 8", "\"hiddenSize\": 16", StringComparison.Ordinal);
        File.WriteAllText(folder.File("m.json"), card);

        var error = Assert.Throws<ModelFileException>(() => ModelFile.Load(folder.Path));

        Assert.Contains("do not fit family 'open-unmix'", error.Message);
        Assert.Contains("fc1.weight", error.Message);
    }

    [Fact]
    public void Load_CardWithoutWeights_AndMalformedCard_AreClearErrors()
    {
        using var folder = new TempFolder();
        ModelFile.Save(TinyModels.Create("a", ["vocals"], TinyModels.HyperParameters(), 1), folder.Path);
        File.Delete(folder.File("a.safetensors"));
        File.WriteAllText(folder.File("b.json"), "{ not json");
        File.WriteAllBytes(folder.File("b.safetensors"), [0]);

        var missing = Assert.Throws<FileNotFoundException>(() => ModelFile.Load(folder.File("a.json")));
        var malformed = Assert.Throws<ModelFileException>(() => ModelFile.Load(folder.File("b.json")));

        Assert.Contains("a.safetensors", missing.Message);
        Assert.Contains("b.json", malformed.Message);
        Assert.Contains("not valid", malformed.Message);
    }

    [Fact]
    public void Store_ResolvesPathsAndCachedNames_AndExplainsMissingOnes()
    {
        using var folder = new TempFolder();
        ModelFile.Save(TinyModels.Create("mine", ["vocals"], TinyModels.HyperParameters(), 1), folder.Path);
        var store = new ModelStore(folder.Path);

        Assert.Equal(folder.File("mine.json"), store.ResolveCard("mine"));
        Assert.Equal(folder.File("mine.json"), store.ResolveCard(folder.File("mine.safetensors")));
        Assert.Equal([folder.File("mine.json")], store.CachedCards());
        Assert.Contains("demix models download umxhq", Assert.Throws<ModelFileException>(() => store.ResolveCard("umxhq")).Message);
        Assert.Contains("demix models list", Assert.Throws<ModelFileException>(() => store.ResolveCard("nothing")).Message);
    }
}
