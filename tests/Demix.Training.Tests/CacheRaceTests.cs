using Demix.Audio;
using Demix.Training.Data;

namespace Demix.Training.Tests;

/// <summary>Two trainers starting at once on one cache folder (the "Could not find file '.pcm.part'" / empty-map race).</summary>
public sealed class CacheRaceTests
{
    [Fact]
    public async Task TwoCachesOnOneFolder_DecodingTheSameSourceConcurrently_BothOpenTheCompleteFile()
    {
        using var tiny = new TinyRun(trackCount: 1);
        string file = Path.Combine(tiny.Data, "track0", "vocals.wav");
        float[][] samples = TinyRun.Tone(1_000_000, 330, 0.4, 11);   // 8 MB: the two writes overlap
        using var bothDecoding = new Barrier(2);
        Waveform Decode()
        {
            bothDecoding.SignalAndWait(TimeSpan.FromSeconds(20));   // both threads are past the File.Exists check
            return new Waveform(samples, TinyRun.SampleRate);
        }
        var caches = new[] { new AudioCache(tiny.Cache), new AudioCache(tiny.Cache) };
        for (int round = 0; round < 2; round++)
        {
            string name = $"race/{round}";
            Task<float[][]>[] readers = [.. caches.Select(cache => Task.Factory.StartNew(() =>
            {
                using CachedAudio audio = cache.GetOrDecode([file], name, TinyRun.SampleRate, Decode);
                return audio.ReadAll();
            }, TaskCreationOptions.LongRunning))];
            float[][][] read = await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.All(read, r => Assert.True(r.Length == 2 && r[0].AsSpan().SequenceEqual(samples[0]) && r[1].AsSpan().SequenceEqual(samples[1])));
        }
        Assert.Equal(2, caches[0].DecodeCount);
        Assert.Equal(2, caches[1].DecodeCount);
        Assert.Equal(2, Directory.GetFiles(tiny.Cache, "*.pcm").Length);
        Assert.Empty(Directory.GetFiles(tiny.Cache, "*.part"));
    }

    [Fact]
    public void AnEmptyOrTruncatedCacheFile_IsNeverMapped_ButDecodedAgain()
    {
        using var tiny = new TinyRun(trackCount: 1);
        string file = Path.Combine(tiny.Data, "track0", "vocals.wav");
        var cache = new AudioCache(tiny.Cache);
        float[][] samples = TinyRun.Tone(1000, 330, 0.4, 12);
        Directory.CreateDirectory(tiny.Cache);
        string path = Path.Combine(tiny.Cache, cache.Key([file], "x", TinyRun.SampleRate) + ".pcm");
        File.WriteAllBytes(path, []);
        Assert.Throws<InvalidDataException>(() => CachedAudio.Open(path));
        using (CachedAudio audio = cache.GetOrDecode([file], "x", TinyRun.SampleRate, () => new Waveform(samples, TinyRun.SampleRate)))
            Assert.Equal(samples, audio.ReadAll());
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..100]);   // header says 1000 frames, the file holds 17
        using (CachedAudio audio = cache.GetOrDecode([file], "x", TinyRun.SampleRate, () => new Waveform(samples, TinyRun.SampleRate)))
            Assert.Equal(samples, audio.ReadAll());
        Assert.Equal(2, cache.DecodeCount);
    }
}
