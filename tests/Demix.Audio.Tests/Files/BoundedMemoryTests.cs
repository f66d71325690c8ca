using Xunit.Abstractions;

namespace Demix.Audio.Tests;

/// <summary>Streaming stages allocate a bounded amount, whatever the length of the file.</summary>
public sealed class BoundedMemoryTests(ITestOutputHelper output)
{
    private const long Budget = 4 << 20; // 4 MB, against files of 10-20 MB

    [Fact]
    public void WavToResamplerToWav_StreamsAMinuteWithinAFewMegabytes()
    {
        using var folder = new TempFolder();
        WriteNoise(folder.File("in.wav"), seconds: 60);

        long before = GC.GetAllocatedBytesForCurrentThread();
        using (IAudioSource source = AudioFile.Open(folder.File("in.wav"), new AudioReadOptions { SampleRate = 48_000 }))
        using (IAudioSink sink = AudioFile.Create(folder.File("out.wav"), source.Format))
        {
            source.CopyTo(sink);
            sink.Complete();
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        output.WriteLine($"wav -> resampler -> wav, 60 s: {allocated} bytes allocated");
        Assert.True(allocated < Budget, $"allocated {allocated} bytes");
        Assert.Equal(48_000L * 60, WavReader.Open(folder.File("out.wav")).FrameCount);
    }

    [Fact]
    public void FlacThroughFfmpeg_StreamsWithinAFewMegabytes()
    {
        using var folder = new TempFolder();
        WriteNoise(folder.File("in.wav"), seconds: 20);
        using (IAudioSource wav = AudioFile.Open(folder.File("in.wav")))
        using (IAudioSink flac = AudioFile.Create(folder.File("in.flac"), wav.Format))
        {
            wav.CopyTo(flac);
            flac.Complete();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        long frames;
        using (IAudioSource source = AudioFile.Open(folder.File("in.flac")))
        {
            var block = new float[8_192];
            frames = 0;
            for (int samples; (samples = source.Read(block)) > 0;) frames += samples / 2;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        output.WriteLine($"flac through ffmpeg, 20 s: {allocated} bytes allocated");
        Assert.Equal(44_100L * 20, frames);
        Assert.True(allocated < Budget, $"allocated {allocated} bytes");
    }

    /// <summary>Writes seeded stereo noise block by block (never the whole signal in memory).</summary>
    private static void WriteNoise(string path, int seconds)
    {
        var random = new Random(42);
        var block = new float[2 * 4_410];
        using IAudioSink sink = WavWriter.Create(path, new AudioFormat(44_100, 2));
        for (int i = 0; i < seconds * 10; i++)
        {
            for (int n = 0; n < block.Length; n++) block[n] = (float)(random.NextDouble() - 0.5);
            sink.Write(block);
        }
        sink.Complete();
    }
}
