using BenchmarkDotNet.Attributes;
using Demix.Audio;

namespace Demix.Benchmarks.Audio;

/// <summary>Our WAV codec on 60 s of stereo 44.1 kHz audio in memory: write, then read back (whole buffer).</summary>
[MemoryDiagnoser]
public class WavCodecBenchmarks
{
    private Waveform waveform = null!;
    private byte[] pcm16 = null!;
    private byte[] pcm24 = null!;
    private byte[] float32 = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2);
        var channels = new float[2][];
        for (int c = 0; c < 2; c++)
        {
            channels[c] = new float[44_100 * 60];
            for (int n = 0; n < channels[c].Length; n++) channels[c][n] = (float)(random.NextDouble() * 2 - 1);
        }
        waveform = new Waveform(channels, 44_100);
        pcm16 = Write(WavSampleFormat.Pcm16);
        pcm24 = Write(WavSampleFormat.Pcm24);
        float32 = Write(WavSampleFormat.Float32);
    }

    [Benchmark]
    public int WritePcm16() => Write(WavSampleFormat.Pcm16).Length;

    [Benchmark]
    public int WritePcm24() => Write(WavSampleFormat.Pcm24).Length;

    [Benchmark]
    public int ReadPcm16() => WavReader.Read(new MemoryStream(pcm16), "bench.wav").FrameCount;

    [Benchmark]
    public int ReadPcm24() => WavReader.Read(new MemoryStream(pcm24), "bench.wav").FrameCount;

    [Benchmark]
    public int ReadFloat32() => WavReader.Read(new MemoryStream(float32), "bench.wav").FrameCount;

    private byte[] Write(WavSampleFormat format)
    {
        var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, waveform.Format, format, leaveOpen: true))
        {
            writer.WriteAll(waveform);
            writer.Complete();
        }
        return stream.ToArray();
    }
}
