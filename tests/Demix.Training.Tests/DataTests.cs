using Demix.Dsp.Stft;
using Demix.Tests.Shared;
using Demix.Training.Config;
using Demix.Training.Data;
using Demix.Training.Sampling;

namespace Demix.Training.Tests;

public sealed class DataTests
{
    [Fact]
    public void Cache_SecondOpen_DoesNotDecode_AndReadsTheSameSamples()
    {
        using var tiny = new TinyRun(trackCount: 2);
        var source = new SourceConfig { Kind = "folder", Root = tiny.Data };
        var first = new AudioCache(tiny.Cache);
        var tracks = new CorpusLoader(first, TinyRun.SampleRate, 2).Load(source, "tiny");
        float[][] before = tracks[0].Vocals!.ReadAll();
        foreach (var t in tracks) t.Dispose();
        Assert.Equal(4, first.DecodeCount);   // vocals + accompaniment of two tracks

        var second = new AudioCache(tiny.Cache);
        var again = new CorpusLoader(second, TinyRun.SampleRate, 2).Load(source, "tiny");
        Assert.Equal(0, second.DecodeCount);
        Assert.Equal(before, again[0].Vocals!.ReadAll());
        foreach (var t in again) t.Dispose();
    }

    [Fact]
    public void CacheKey_ChangesWithTheFileTimeTheRateAndTheFormat()
    {
        using var tiny = new TinyRun(trackCount: 1);
        string file = Path.Combine(tiny.Data, "track0", "vocals.wav");
        var cache = new AudioCache(tiny.Cache);
        string key = cache.Key([file], "x", 8000);
        Assert.Equal(key, cache.Key([file], "x", 8000));
        Assert.NotEqual(key, cache.Key([file], "x", 16000));
        Assert.NotEqual(key, new AudioCache(tiny.Cache, half: true).Key([file], "x", 8000));
        File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddSeconds(5));
        Assert.NotEqual(key, cache.Key([file], "x", 8000));
    }

    [Fact]
    public void Float16Cache_RoundTripsWithinHalfPrecision()
    {
        using var tiny = new TinyRun(trackCount: 1);
        string path = Path.Combine(tiny.Root, "half.pcm");
        float[][] samples = TinyRun.Tone(5000, 440, 0.5, 3);
        CachedAudio.Write(path, samples, 8000, half: true);
        using CachedAudio audio = CachedAudio.Open(path);
        Assert.Equal(2, audio.BytesPerSample);
        float[][] back = audio.ReadAll();
        for (int c = 0; c < 2; c++)
            for (int n = 0; n < samples[c].Length; n++) Assert.True(Math.Abs(back[c][n] - samples[c][n]) <= 1e-3f * Math.Max(1, Math.Abs(samples[c][n])));
    }

    [Fact]
    public void Batches_SameSeedSameBatches_OtherSeedOtherBatches()
    {
        using var tiny = new TinyRun();
        var tracks = new CorpusLoader(new AudioCache(tiny.Cache), TinyRun.SampleRate, 2).Load(new SourceConfig { Kind = "folder", Root = tiny.Data }, "tiny");
        var sampler = new ChunkSampler(tracks, new AugmentConfig { PolarityFlip = true }, 4000, 2);
        var stft = new StftConfig(256, 128);
        Batch a = new BatchBuilder(sampler, stft, 3, seed: 5).Build(4);
        Batch b = new BatchBuilder(sampler, stft, 3, seed: 5).Build(4);
        Batch c = new BatchBuilder(sampler, stft, 3, seed: 6).Build(4);
        Assert.Equal(a.Mixture, b.Mixture);
        Assert.Equal(a.Vocals, b.Vocals);
        Assert.NotEqual(a.Mixture, c.Mixture);
        Assert.NotEqual(a.Mixture, new BatchBuilder(sampler, stft, 3, seed: 5).Build(5).Mixture);
        foreach (var t in tracks) t.Dispose();
    }

    [Fact]
    public void BatchQueue_BackgroundThread_DeliversTheBatchesInOrder()
    {
        using var tiny = new TinyRun();
        var tracks = new CorpusLoader(new AudioCache(tiny.Cache), TinyRun.SampleRate, 2).Load(new SourceConfig { Kind = "folder", Root = tiny.Data }, "tiny");
        var builder = new BatchBuilder(new ChunkSampler(tracks, new AugmentConfig(), 2000, 2), new StftConfig(256, 128), 2, seed: 1);
        using var queue = new BatchQueue(builder, firstIndex: 10, prefetch: 2);
        for (long i = 10; i < 15; i++)
        {
            Batch batch = queue.Next();
            Assert.Equal(i, batch.Index);
            Assert.Equal(builder.Build(i).Mixture, batch.Mixture);
        }
        foreach (var t in tracks) t.Dispose();
    }

    [Fact]
    public void SharedMusdb_TrainSplitExcludesTheValidationTracks_AndCachesStereo441()
    {
        string root = RepositoryPaths.Data("musdb18-7");
        var validation = CorpusLoader.List(new SourceConfig { Kind = "musdb", Root = root, Split = "validation" });
        var train = CorpusLoader.List(new SourceConfig { Kind = "musdb", Root = root, Split = "train" });
        Assert.Equal(14, validation.Count);
        Assert.Equal(80, train.Count);
        Assert.Empty(train.Select(t => t.Name).Intersect(validation.Select(t => t.Name)));

        using var folder = new TinyRun(trackCount: 0);
        using SourceTrack track = new CorpusLoader(new AudioCache(folder.Cache), 44100, 2).Load(train[0], "musdb");
        Assert.Equal(2, track.Vocals!.ChannelCount);
        Assert.InRange(track.DurationSeconds, 6.5, 7.1);
    }

    [Fact]
    public void SharedMir1k_TrainSplitIsAbjonesAndAmy_AndVoicesResampleTo44100()
    {
        string root = RepositoryPaths.Data("mir-1k");
        var train = CorpusLoader.List(new SourceConfig { Kind = "mir1k", Root = root, Split = "train" });
        Assert.Equal(175, train.Count);
        Assert.All(train, t => Assert.True(t.Name.StartsWith("abjones", StringComparison.Ordinal) || t.Name.StartsWith("amy", StringComparison.Ordinal)));

        using var folder = new TinyRun(trackCount: 0);
        using SourceTrack clip = new CorpusLoader(new AudioCache(folder.Cache), 44100, 2).Load(train[0], "mir1k");
        var original = train[0].LoadTarget("vocals");
        Assert.Equal(16000, original.SampleRate);
        Assert.Equal(original.FrameCount * 44100.0 / 16000, clip.Vocals!.FrameCount, 2.0);
        Assert.Equal(2, clip.Vocals.ChannelCount);
    }

    [Fact]
    public void SharedExtraVoiceAndMusic_AreSingleSourceRecordings()
    {
        var voices = CorpusLoader.List(new SourceConfig { Kind = "voice", Root = RepositoryPaths.Data("extra-voice") });
        var music = CorpusLoader.List(new SourceConfig { Kind = "music", Root = RepositoryPaths.Data("extra-music") });
        Assert.True(voices.Count >= 7);
        Assert.True(music.Count >= 7);
        Assert.All(voices, v => Assert.Equal(["vocals"], v.TargetNames));
        Assert.All(music, m => Assert.Equal(["accompaniment"], m.TargetNames));
        Assert.DoesNotContain(voices, v => v.Name.EndsWith(".csv", StringComparison.Ordinal) || v.Name.EndsWith(".md", StringComparison.Ordinal));
    }
}
