using Demix.Evaluation.Metrics;
using Demix.Evaluation.Tests.BssEval;

namespace Demix.Evaluation.Tests.Metrics;

public sealed class UsdrTests
{
    [Theory]
    [InlineData("track1", "irm1")]
    [InlineData("track2", "halfmix_noise")]
    [InlineData("track3", "irm1")]
    public void Compute_MusdbFixture_MatchesExpected(string track, string set)
    {
        float[][][] references = MusdbV4Tests.Load(track, "ref_vocals.wav", "ref_accompaniment.wav");
        float[][][] estimates = MusdbV4Tests.Estimates(track, set);
        var expected = FixtureFiles.ReadJson(FixtureFiles.BssEval("musdb_v4", track, $"scores_{set}.full.json")).GetProperty("uSDR_whole_track_dB");

        Assert.Equal(expected.GetProperty("vocals").GetDouble(), Usdr.Compute(references[0], estimates[0]), 1e-9);
        Assert.Equal(expected.GetProperty("accompaniment").GetDouble(), Usdr.Compute(references[1], estimates[1]), 1e-9);
    }

    [Fact]
    public void Compute_SilentReferenceAndEstimate_IsZeroDb()
    {
        Assert.Equal(0.0, Usdr.Compute([new float[10]], [new float[10]]));
    }

    [Fact]
    public void Compute_ShortEstimate_IsZeroPadded()
    {
        double padded = Usdr.Compute([new[] { 1.0, 1.0 }], [new[] { 1.0 }]);
        Assert.Equal(10 * Math.Log10((2 + 1e-7) / (1 + 1e-7)), padded, 1e-12);
    }
}
