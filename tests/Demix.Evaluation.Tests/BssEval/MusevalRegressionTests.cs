using Demix.Audio;
using Demix.Evaluation.BssEval;
using Demix.Evaluation.Museval;

namespace Demix.Evaluation.Tests.BssEval;

/// <summary>
/// museval's own regression track (Music Delta - 80s Rock) with numpy's seeded uniform estimates. Its Gram matrix
/// has condition number 3.4e15, so only SDR (which needs no filters) is a valid target.
/// </summary>
public sealed class MusevalRegressionTests
{
    [Fact]
    public void Sdr_MatchesUpstreamRegressionFixture()
    {
        float[][][] references = new[] { "ref_vocals.wav", "ref_accompaniment.wav" }
            .Select(f => WavReader.Read(FixtureFiles.BssEval("museval_regression_80s_rock", f)).Channels).ToArray();
        int n = references[0][0].Length;
        var random = new NumpyLegacyRandom(0);
        double[][][] estimates = [random.Uniform(n, 2), random.Uniform(n, 2)];
        var expected = FixtureFiles.ReadJson(FixtureFiles.BssEval("museval_regression_80s_rock", "computed_here.json"));
        var doubles = references.Select(s => s.Select(c => c.Select(v => (double)v).ToArray()).ToArray()).ToArray();

        double[][] sdr = BssEvaluator.EvaluateSdr(doubles, estimates, 44100, 44100);

        MusdbV4Tests.AssertMatrix(FixtureFiles.Matrix(expected.GetProperty("computed_here_solve").GetProperty("SDR")), sdr, "SDR");
        var upstream = Demix.Evaluation.Results.MusevalJson.Load(FixtureFiles.BssEval("museval_regression_80s_rock", "expected_upstream.json"));
        double[][] upstreamSdr = upstream.Targets.Select(t => t.Frames.Select(f => f.Sdr).ToArray()).ToArray();
        Assert.Equal(["vocals", "accompaniment"], upstream.Targets.Select(t => t.Name));
        MusdbV4Tests.AssertMatrix(upstreamSdr, sdr, "SDR (upstream museval 0.3.0 JSON)");
    }

    [Fact]
    public void NumpyLegacyRandom_Seed0_MatchesNumpy()
    {
        var random = new NumpyLegacyRandom(0);
        double[][] first = random.Uniform(2, 2);
        Assert.Equal(0.5488135039273248, first[0][0]);
        Assert.Equal(0.7151893663724195, first[1][0]);
        Assert.Equal(0.6027633760716439, first[0][1]);
    }
}
