using Demix.Training.Config;
using Demix.Training.Data;
using Demix.Training.Sampling;

namespace Demix.Training.Tests;

public sealed class AugmentationTests
{
    [Fact]
    public void Apply_GainPolarityAndSwap_AreExact()
    {
        float[][] source = [[1f, 2f], [3f, 4f]];
        Augmentations.Apply(source, -0.5f, swapChannels: true);
        Assert.Equal([-1.5f, -2f], source[0]);
        Assert.Equal([-0.5f, -1f], source[1]);
    }

    [Fact]
    public void WhiteNoise_HasTheRequestedRms()
    {
        var channel = new float[200_000];
        Augmentations.AddWhiteNoise(channel, 0.1f, new Random(3));
        Assert.Equal(-20.0, Augmentations.RmsDb([channel]), 0.1);
    }

    [Fact]
    public void Sampler_WithoutAugmentation_ReturnsTheAlignedSourcesOfOneTrack()
    {
        using var tiny = new TinyRun(trackCount: 1);
        using var track = new CorpusLoader(new AudioCache(tiny.Cache), TinyRun.SampleRate, 2).Load(CorpusLoader.List(new SourceConfig { Kind = "folder", Root = tiny.Data })[0], "t");
        var off = new AugmentConfig { Remix = false, GainLow = 1, GainHigh = 1, ChannelSwap = false };
        TrainingExample example = new ChunkSampler([track], off, 1000, 2).Draw(new Random(1));
        float[][] vocals = track.Vocals!.ReadAll();
        int start = IndexOf(vocals[0], example.Vocals[0]);
        Assert.True(start >= 0);
        Assert.Equal(vocals[1].AsSpan(start, 1000).ToArray(), example.Vocals[1]);
        Assert.Equal(track.Accompaniment!.ReadAll()[0].AsSpan(start, 1000).ToArray(), example.Accompaniment[0]);
    }

    [Fact]
    public void Sampler_GainStaysInItsRange_AndVoiceNoiseModeHasOnlyNoiseAsAccompaniment()
    {
        using var tiny = new TinyRun(trackCount: 1);
        using var track = new CorpusLoader(new AudioCache(tiny.Cache), TinyRun.SampleRate, 2).Load(CorpusLoader.List(new SourceConfig { Kind = "folder", Root = tiny.Data })[0], "t");
        double sourceDb = Augmentations.RmsDb(track.Vocals!.ReadAll());
        var random = new Random(2);
        var sampler = new ChunkSampler([track], new AugmentConfig(), 4000, 2);
        for (int i = 0; i < 20; i++)
        {
            double db = Augmentations.RmsDb(sampler.Draw(random).Vocals);
            Assert.InRange(db - sourceDb, 20 * Math.Log10(0.25) - 1, 20 * Math.Log10(1.25) + 1);
        }
        var pretraining = new ChunkSampler([track], new AugmentConfig { VoiceNoiseOnly = true, NoiseSnrLowDb = 10, NoiseSnrHighDb = 10, GainLow = 1, GainHigh = 1 }, 4000, 2);
        TrainingExample example = pretraining.Draw(random);
        Assert.Equal(10, Augmentations.RmsDb(example.Vocals) - Augmentations.RmsDb(example.Accompaniment), 0.5);
    }

    [Fact]
    public void Sampler_DropSilentVocals_RedrawsChunksWithoutVoice()
    {
        using var tiny = new TinyRun(trackCount: 1);
        string silent = Path.Combine(tiny.Root, "silent.pcm"), loud = Path.Combine(tiny.Root, "loud.pcm");
        CachedAudio.Write(silent, [new float[8000], new float[8000]], 8000, half: false);
        CachedAudio.Write(loud, TinyRun.Tone(8000, 200, 0.3, 1), 8000, half: false);
        using var quiet = new SourceTrack("c", "quiet", CachedAudio.Open(silent), null);
        using var voiced = new SourceTrack("c", "voiced", CachedAudio.Open(loud), CachedAudio.Open(loud));
        var sampler = new ChunkSampler([quiet, voiced], new AugmentConfig { DropSilentVocals = true, GainLow = 1, GainHigh = 1 }, 2000, 2);
        var random = new Random(4);
        for (int i = 0; i < 20; i++) Assert.True(Augmentations.RmsDb(sampler.Draw(random).Vocals) > -30);
    }

    private static int IndexOf(float[] haystack, float[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
        return -1;
    }
}
