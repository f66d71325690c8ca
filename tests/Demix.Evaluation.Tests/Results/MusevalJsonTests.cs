using Demix.Evaluation.BssEval;
using Demix.Evaluation.Museval;
using Demix.Evaluation.Results;
using Demix.Evaluation.Tests.BssEval;

namespace Demix.Evaluation.Tests.Results;

public sealed class MusevalJsonTests
{
    [Theory]
    [InlineData(12.449986491036567, "12.44999")]
    [InlineData(-1.2, "-1.20000")]
    [InlineData(0.015625, "0.01562")]   // exact binary tie: half to even
    [InlineData(0.046875, "0.04688")]   // exact binary tie: half to even, upwards
    [InlineData(1.0000049999999999, "1.00000")]
    [InlineData(3e-7, "0.00000")]
    [InlineData(double.PositiveInfinity, "NaN")]
    [InlineData(double.NaN, "NaN")]
    public void Quantizer_Format_RoundsExactValueHalfToEven(double value, string expected)
    {
        Assert.Equal(expected, MusevalQuantizer.Format(value));
    }

    [Fact]
    public void ToJson_MusdbFixture_GivesMusevalsQuantisedValues()
    {
        float[][][] references = MusdbV4Tests.Load("track1", "ref_vocals.wav", "ref_accompaniment.wav");
        BssEvalResult result = MusevalEvaluator.Evaluate(references, MusdbV4Tests.Estimates("track1", "irm1"), BssEvalOptions.MusevalV4(44100));
        TrackScores scores = TrackScores.FromResult("track1", ["vocals", "accompaniment"], result, 1.0, 1.0);

        TrackScores written = MusevalJson.Parse(MusevalJson.ToJson(scores), "track1");
        TrackScores expected = MusevalJson.Load(FixtureFiles.BssEval("musdb_v4", "track1", "scores_irm1.museval.json"));

        Assert.Equal(expected.Targets.Select(t => t.Name), written.Targets.Select(t => t.Name));
        for (int j = 0; j < expected.Targets.Count; j++)
        {
            Assert.Equal(expected.Targets[j].Frames.Count, written.Targets[j].Frames.Count);
            for (int t = 0; t < expected.Targets[j].Frames.Count; t++)
            {
                FrameScores e = expected.Targets[j].Frames[t], w = written.Targets[j].Frames[t];
                Assert.Equal(e.TimeSeconds, w.TimeSeconds);
                Assert.Equal(e.DurationSeconds, w.DurationSeconds);
                foreach (BssMetric metric in Enum.GetValues<BssMetric>()) Assert.Equal(e[metric], w[metric], 1e-9);
            }
        }
    }

    [Fact]
    public void SaveAndLoad_NaNFrame_RoundTrips()
    {
        var scores = new TrackScores("song", [new TargetScores("vocals", [new FrameScores(0, 1, double.NaN, 1.5, -2.25, double.PositiveInfinity)])]);
        string path = Path.Combine(Path.GetTempPath(), $"demix-{Guid.NewGuid():N}", "My NaN song.json");
        MusevalJson.Save(scores, path, overwrite: false);

        TrackScores loaded = MusevalJson.Load(path);

        Assert.Equal("My NaN song", loaded.TrackName);
        FrameScores frame = loaded.Targets[0].Frames[0];
        Assert.True(double.IsNaN(frame.Sdr));
        Assert.Equal(1.5, frame.Sir);
        Assert.Equal(-2.25, frame.Sar);
        Assert.True(double.IsNaN(frame.Isr)); // museval writes infinities as NaN
        Assert.Throws<IOException>(() => MusevalJson.Save(scores, path, overwrite: false));
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Fact]
    public void Load_NotMusevalJson_ThrowsFormatExceptionNamingTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"demix-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"tracks\": []}");
        var error = Assert.Throws<FormatException>(() => MusevalJson.Load(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        File.Delete(path);
    }
}
