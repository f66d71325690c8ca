using Demix.Audio;
using Demix.Evaluation.Datasets;
using Demix.Evaluation.Metrics;
using Demix.Evaluation.Scoring;
using Demix.Tests.Shared;

namespace Demix.Evaluation.Tests.Scoring;

public sealed class Mir1kScorerTests
{
    [Fact]
    public void Score_RealClip_MixtureAsEstimateHasZeroNsdrAndCleanEstimatesGain()
    {
        EvaluationTrack clip = Mir1kDataset.Tracks(RepositoryPaths.Data("mir-1k"), DatasetSplit.Test, n => n == "Ani_1_01").Single();
        Waveform mixture = clip.LoadMixture();
        Waveform voice = clip.LoadTarget("vocals"), music = clip.LoadTarget("accompaniment");
        var random = new Random(3);
        Waveform Noisy(Waveform w) => new([w.Channels[0].Select(v => v + 0.01f * (float)(random.NextDouble() - 0.5)).ToArray()], w.SampleRate);

        ClipSeparationScores unprocessed = Mir1kScorer.Score(clip, mixture, mixture);
        ClipSeparationScores separated = Mir1kScorer.Score(clip, Noisy(voice), Noisy(music));

        Assert.Equal(0.0, unprocessed.Nsdr[0], 1e-9);
        Assert.Equal(unprocessed.MixtureSdr[0], separated.MixtureSdr[0], 1e-9);
        Assert.True(separated.Nsdr[0] > 10, $"NSDR {separated.Nsdr[0]} dB for near-perfect estimates");
        var global = new GlobalSeparationScores();
        global.Add(separated);
        Assert.Equal(separated.Nsdr[1], global.Gnsdr(1), 1e-12);
    }
}
