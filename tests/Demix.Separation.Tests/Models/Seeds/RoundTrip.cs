using Demix.Separation.Models;
using Demix.Separation.Models.Seeds;
using Demix.Separation.Tests.Support;

namespace Demix.Separation.Tests.Models.Seeds;

/// <summary>Save/load through the model format must give bit-identical separations.</summary>
internal static class RoundTrip
{
    /// <summary>Randomises batch-norm statistics (so a lost buffer shows), saves, loads by path and compares outputs.</summary>
    public static void AssertIdenticalOutputs(SeedModel model, int seed)
    {
        var random = new Random(seed);
        foreach (var (key, tensor) in model.Network.StateDict())
        {
            bool variance = key.EndsWith("running_var", StringComparison.Ordinal), mean = key.EndsWith("running_mean", StringComparison.Ordinal);
            for (int i = 0; (variance || mean) && i < tensor.Length; i++) tensor.Data[i] = (float)random.NextDouble() + (variance ? 0.5f : -0.5f);
        }
        using var folder = new TempFolder();
        string card = ModelFile.Save(model, folder.Path);
        ISeparationModel loaded = ModelFile.Load(card);
        Assert.Equal(model.Card.Family, loaded.Card.Family);
        Assert.Equal(model.Stems, loaded.Stems);
        int rate = model.Card.SampleRate;
        float[][] mix = TinyModels.Mixture(rate * 3 / 2, rate, seed);
        float[][][] expected = model.CreateSeparator().Separate(mix, rate), actual = loaded.CreateSeparator().Separate(mix, rate);
        Assert.Equal(model.Stems.Count, expected.Length);
        for (int j = 0; j < expected.Length; j++)
        {
            for (int c = 0; c < mix.Length; c++)
            {
                Assert.Equal(mix[c].Length, actual[j][c].Length);
                Assert.Equal(expected[j][c], actual[j][c]);
                Assert.All(actual[j][c], v => Assert.True(float.IsFinite(v)));
            }
        }
    }
}
