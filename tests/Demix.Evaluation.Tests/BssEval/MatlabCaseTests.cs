using Demix.Evaluation.BssEval;

namespace Demix.Evaluation.Tests.BssEval;

/// <summary>The 4 x 10000 case computed by the MATLAB BSS_Eval toolbox in 2014 (mir_eval history).</summary>
public sealed class MatlabCaseTests
{
    [Fact]
    public void BssEvalSources_MatlabFourSourceCase_MatchesMatlab()
    {
        double[][] s = FixtureFiles.ReadF64(FixtureFiles.BssEval("mir_eval", "history", "matlab_2014", "s.4x10000.f64le.bin"), 4);
        double[][] se = FixtureFiles.ReadF64(FixtureFiles.BssEval("mir_eval", "history", "matlab_2014", "se.4x10000.f64le.bin"), 4);
        var expected = FixtureFiles.ReadJson(FixtureFiles.BssEval("mir_eval", "history", "matlab_2014", "bss_output_MATLAB.json"));

        BssEvalResult result = MirEvalSeparation.BssEvalSources(s, se);

        Assert.Equal([0, 1, 3, 2], result.Permutation[0]);
        for (int j = 0; j < 4; j++)
        {
            Assert.Equal(FixtureFiles.Number(expected.GetProperty("sdr").GetProperty("data")[j][0]), result.Sdr[j][0], 1e-6);
            Assert.Equal(FixtureFiles.Number(expected.GetProperty("sir").GetProperty("data")[j][0]), result.Sir[j][0], 1e-6);
            Assert.Equal(FixtureFiles.Number(expected.GetProperty("sar").GetProperty("data")[j][0]), result.Sar[j][0], 1e-6);
        }
    }
}
