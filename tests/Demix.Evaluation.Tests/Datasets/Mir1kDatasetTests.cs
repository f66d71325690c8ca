using Demix.Audio;
using Demix.Evaluation.Datasets;
using Demix.Tests.Shared;

namespace Demix.Evaluation.Tests.Datasets;

public sealed class Mir1kDatasetTests
{
    private static string Root => RepositoryPaths.Data("mir-1k");

    [Fact]
    public void Tracks_StandardSplit_Has175TrainAnd825TestClips()
    {
        var train = Mir1kDataset.Tracks(Root, DatasetSplit.Train);
        var test = Mir1kDataset.Tracks(Root, DatasetSplit.Test);

        Assert.Equal(175, train.Count);
        Assert.Equal(825, test.Count);
        Assert.All(train, t => Assert.Contains(Mir1kDataset.Singer(t.Name), new[] { "abjones", "amy" }));
        Assert.Empty(Mir1kDataset.Tracks(Root, DatasetSplit.Validation));
    }

    [Fact]
    public void LoadMixture_IsTheMonoSumOfVoiceAndAccompaniment()
    {
        EvaluationTrack clip = Mir1kDataset.Tracks(Root, DatasetSplit.Test, name => name == "Ani_1_01").Single();

        Waveform mixture = clip.LoadMixture(), voice = clip.LoadTarget("vocals"), music = clip.LoadTarget("accompaniment");

        Assert.Equal(Mir1kDataset.SampleRate, mixture.SampleRate);
        Assert.Equal(1, mixture.ChannelCount);
        Assert.Equal(voice.FrameCount, mixture.FrameCount);
        for (int n = 0; n < mixture.FrameCount; n += 997)
            Assert.Equal(voice.Channels[0][n] + music.Channels[0][n], mixture.Channels[0][n], 1e-6);
        Assert.NotEqual(voice.Channels[0], music.Channels[0]);
    }
}
