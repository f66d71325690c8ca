using Demix.Audio;
using Demix.Evaluation.BssEval;
using Demix.Evaluation.Museval;

namespace Demix.Evaluation.Tests.BssEval;

/// <summary>
/// museval v4 (unmodified metrics.py) on three MUSDB18 excerpts with a -80 dBFS noise floor on the references,
/// which keeps the Gram matrices well conditioned (cond &lt;= 9.5e8), so all four metrics are solver-independent
/// to 5e-10 dB there; we require 1e-3 dB.
/// </summary>
public sealed class MusdbV4Tests
{
    private const double ToleranceDb = 1e-3;

    public static TheoryData<string, string> Cases() => new()
    {
        { "track1", "irm1" }, { "track1", "halfmix_noise" },
        { "track2", "irm1" }, { "track2", "halfmix_noise" },
        { "track3", "irm1" }, { "track3", "halfmix_noise" },
    };

    internal static float[][][] Load(string track, params string[] files) =>
        files.Select(f => WavReader.Read(FixtureFiles.BssEval("musdb_v4", track, f)).Channels).ToArray();

    internal static float[][][] Estimates(string track, string set) => set == "irm1"
        ? Load(track, "est_irm1_vocals.wav", "est_irm1_accompaniment.wav")
        : Load(track, "est_halfmix_noise.wav", "est_halfmix_noise.wav");

    [Theory]
    [MemberData(nameof(Cases))]
    public void FourMetrics_MatchMusevalV4(string track, string set)
    {
        float[][][] references = Load(track, "ref_vocals.wav", "ref_accompaniment.wav");
        var expected = FixtureFiles.ReadJson(FixtureFiles.BssEval("musdb_v4", track, $"scores_{set}.full.json"));

        BssEvalResult result = MusevalEvaluator.Evaluate(references, Estimates(track, set), BssEvalOptions.MusevalV4(44100));

        AssertMatrix(FixtureFiles.Matrix(expected.GetProperty("SDR")), result.Sdr, "SDR");
        AssertMatrix(FixtureFiles.Matrix(expected.GetProperty("ISR")), result.Isr, "ISR");
        AssertMatrix(FixtureFiles.Matrix(expected.GetProperty("SIR")), result.Sir, "SIR");
        AssertMatrix(FixtureFiles.Matrix(expected.GetProperty("SAR")), result.Sar, "SAR");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SdrOnly_MatchesMusevalV4(string track, string set)
    {
        float[][][] references = Load(track, "ref_vocals.wav", "ref_accompaniment.wav");
        var expected = FixtureFiles.ReadJson(FixtureFiles.BssEval("musdb_v4", track, $"scores_{set}.full.json"));

        double[][] sdr = MusevalEvaluator.EvaluateSdr(references, Estimates(track, set), 44100, 44100);

        AssertMatrix(FixtureFiles.Matrix(expected.GetProperty("SDR")), sdr, "SDR");
    }

    internal static void AssertMatrix(double[][] expected, double[][] actual, string metric, double tolerance = ToleranceDb)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int j = 0; j < expected.Length; j++)
        {
            Assert.Equal(expected[j].Length, actual[j].Length);
            for (int t = 0; t < expected[j].Length; t++) AssertDb.Close(expected[j][t], actual[j][t], tolerance, $"{metric} target {j} frame {t}");
        }
    }
}
