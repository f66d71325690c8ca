using BenchmarkDotNet.Attributes;
using Demix.Dsp.Stft;
using StftTransform = Demix.Dsp.Stft.Stft;

namespace Demix.Benchmarks.Dsp;

/// <summary>
/// STFT and inverse STFT of 3 minutes of stereo 44.1 kHz audio at 4096/1024 (torch center=True), whole
/// signal on all cores, and the streaming path with 1-second blocks. 180 s of audio: x real time = 180 / seconds.
/// Run: dotnet run -c Release --project bench/Demix.Benchmarks -- --filter *StftBenchmarks*
/// </summary>
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class StftBenchmarks
{
    private const int SampleRate = 44100;
    private const int DurationSeconds = 180;
    private readonly StftConfig config = StftConfig.Torch(4096, 1024);
    private float[][] audio = [];
    private ComplexSpectrogram spectrogram = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2);
        audio = [.. Enumerable.Range(0, 2).Select(_ => Enumerable.Range(0, SampleRate * DurationSeconds).Select(_ => (float)random.NextDouble() - 0.5f).ToArray())];
        spectrogram = StftTransform.Forward(audio, config);
    }

    [Benchmark]
    public ComplexSpectrogram Forward() => StftTransform.Forward(audio, config);

    [Benchmark]
    public float[][] Inverse() => StftTransform.Inverse(spectrogram, config, audio[0].Length);

    [Benchmark]
    public float[][] ForwardInverse() => StftTransform.Inverse(StftTransform.Forward(audio, config), config, audio[0].Length);

    [Benchmark]
    public long StreamingForwardInverse()
    {
        var forward = new StreamingStft(config, 2);
        var inverse = new StreamingIstft(config, 2, audio[0].Length);
        long samples = 0;
        for (int start = 0; start < audio[0].Length; start += SampleRate)
        {
            int count = Math.Min(SampleRate, audio[0].Length - start);
            float[][] block = [audio[0].AsSpan(start, count).ToArray(), audio[1].AsSpan(start, count).ToArray()];
            samples += inverse.Push(forward.Push(block))[0].Length;
        }
        samples += inverse.Push(forward.Complete())[0].Length;
        return samples + inverse.Complete(audio[0].Length)[0].Length;
    }
}
