using System.Text.Json;
using Demix.Evaluation.BssEval;

namespace Demix.Evaluation.Tests.BssEval;

/// <summary>Every valid block of every mir_eval case (cases.json), to the upstream tolerance of 1e-2 dB.</summary>
public sealed class MirEvalFixtureTests
{
    private const double ToleranceDb = 1e-2;

    public static IEnumerable<object[]> Blocks() => MirEvalCase.ValidBlocks();

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Block_MatchesExpectedValues(string caseName, string block)
    {
        var fixture = MirEvalCase.Load(caseName);
        JsonElement expected = fixture.Expected.GetProperty(block);
        BssEvalResult result = Compute(fixture, block);
        bool framewise = block.EndsWith("Framewise", StringComparison.Ordinal);
        bool images = block.StartsWith("Images", StringComparison.Ordinal);
        AssertMetric(expected, "Source to Distortion", result.Sdr, framewise);
        AssertMetric(expected, "Source to Interference", result.Sir, framewise);
        AssertMetric(expected, "Source to Artifact", result.Sar, framewise);
        if (images) AssertMetric(expected, "Image to Spatial", result.Isr, framewise);
        AssertPermutation(expected.GetProperty("Source permutation"), result, framewise);
    }

    private static BssEvalResult Compute(MirEvalCase fixture, string block)
    {
        JsonElement d = fixture.Description;
        switch (block)
        {
            case "Sources":
                return MirEvalSeparation.BssEvalSources(fixture.References, fixture.Estimates);
            case "Framewise":
            {
                JsonElement p = d.GetProperty("sources_framewise");
                return MirEvalSeparation.BssEvalSourcesFramewise(fixture.References, fixture.Estimates, p.GetProperty("window").GetInt32(), p.GetProperty("hop").GetInt32());
            }
            case "Images":
            {
                JsonElement p = d.GetProperty("images");
                var (r, e) = MirEvalCase.Images(fixture.References, fixture.Estimates, p.GetProperty("nchan").GetInt32(), p.GetProperty("gain").GetDouble());
                return MirEvalSeparation.BssEvalImages(r, e);
            }
            case "Images Framewise":
            {
                JsonElement p = d.GetProperty("images_framewise");
                var (r, e) = MirEvalCase.Images(fixture.References, fixture.Estimates, p.GetProperty("nchan").GetInt32(), p.GetProperty("gain").GetDouble());
                return MirEvalSeparation.BssEvalImagesFramewise(r, e, p.GetProperty("window").GetInt32(), p.GetProperty("hop").GetInt32());
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(block), block, "Unknown block.");
        }
    }

    private static void AssertMetric(JsonElement expected, string key, double[][] actual, bool framewise)
    {
        double[][] values = framewise
            ? FixtureFiles.Matrix(expected.GetProperty(key))
            : FixtureFiles.Vector(expected.GetProperty(key)).Select(v => new[] { v }).ToArray();
        Assert.Equal(values.Length, actual.Length);
        for (int j = 0; j < values.Length; j++)
        {
            Assert.Equal(values[j].Length, actual[j].Length);
            for (int t = 0; t < values[j].Length; t++) AssertDb.Close(values[j][t], actual[j][t], ToleranceDb, $"{key} source {j} frame {t}");
        }
    }

    private static void AssertPermutation(JsonElement expected, BssEvalResult result, bool framewise)
    {
        double[][] values = framewise
            ? FixtureFiles.Matrix(expected)
            : FixtureFiles.Vector(expected).Select(v => new[] { v }).ToArray();
        for (int j = 0; j < values.Length; j++)
            for (int t = 0; t < values[j].Length; t++) Assert.Equal((int)values[j][t], result.Permutation[t][j]);
    }
}
