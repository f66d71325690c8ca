using Demix.Evaluation.BssEval;
using Demix.Evaluation.Metrics;

namespace Demix.Evaluation.Tests.Metrics;

public sealed class GlobalSeparationScoresTests
{
    private static double[] Noise(int n, int seed, double scale)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => scale * (random.NextDouble() - 0.5)).ToArray();
    }

    [Fact]
    public void Score_NsdrIsSdrGainOverTheMixture()
    {
        double[] voice = Noise(8000, 1, 1), music = Noise(8000, 2, 1);
        double[] voiceEstimate = voice.Zip(Noise(8000, 3, 0.1), (a, b) => a + b).ToArray();
        double[] musicEstimate = music.Zip(Noise(8000, 4, 0.1), (a, b) => a + b).ToArray();

        ClipSeparationScores clip = ClipSeparationScores.Score(voice, music, voiceEstimate, musicEstimate);
        double[] mixture = voice.Zip(music, (a, b) => a + b).ToArray();
        BssEvalResult unprocessed = MirEvalSeparation.BssEvalSources([voice, music], [mixture, mixture]);

        Assert.Equal(clip.Sdr[0] - unprocessed.Sdr[0][0], clip.Nsdr[0], 1e-9);
        Assert.True(clip.Nsdr[0] > 10, $"NSDR {clip.Nsdr[0]} should show a large gain for a 20 dB estimate over a 0 dB mixture");
        Assert.True(Math.Abs(clip.MixtureSdr[0]) < 1, $"mixture SDR {clip.MixtureSdr[0]} dB should be near 0 dB (0 dB voice-to-music ratio)");
    }

    [Fact]
    public void Gnsdr_WeightsClipsByLength()
    {
        var global = new GlobalSeparationScores();
        global.Add(new ClipSeparationScores(1000, [5, 1], [10, 2], [7, 3], [1, 0]));
        global.Add(new ClipSeparationScores(3000, [9, 2], [20, 4], [11, 6], [-1, 1]));

        Assert.Equal((1000 * 4.0 + 3000 * 10.0) / 4000, global.Gnsdr(0), 1e-12);
        Assert.Equal((1000 * 10.0 + 3000 * 20.0) / 4000, global.Gsir(0), 1e-12);
        Assert.Equal((1000 * 3.0 + 3000 * 6.0) / 4000, global.Gsar(1), 1e-12);
    }
}
