using BenchmarkDotNet.Attributes;
using Demix.Audio;

namespace Demix.Benchmarks.Audio;

/// <summary>
/// The Kaiser-sinc resampler on 10 s of stereo noise: whole buffer (channels in parallel) and streaming
/// (one thread, 4096-frame blocks). Real-time factor = 10 s / measured time.
/// </summary>
[MemoryDiagnoser]
public class ResamplerBenchmarks
{
    private const int Seconds = 10;

    private Waveform input = null!;
    private float[] block = null!;

    /// <summary>Input and output rates in Hz.</summary>
    [Params("44100->48000", "48000->44100", "44100->16000", "16000->44100")]
    public string Rates { get; set; } = "44100->48000";

    private int InputRate => int.Parse(Rates.Split("->")[0]);

    private int OutputRate => int.Parse(Rates.Split("->")[1]);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var channels = new float[2][];
        for (int c = 0; c < 2; c++)
        {
            channels[c] = new float[InputRate * Seconds];
            for (int n = 0; n < channels[c].Length; n++) channels[c][n] = (float)(random.NextDouble() - 0.5);
        }
        input = new Waveform(channels, InputRate);
        block = new float[2 * 4096];
    }

    [Benchmark]
    public int WholeBuffer() => SincResampler.Resample(input, OutputRate).FrameCount;

    [Benchmark]
    public long Streaming()
    {
        using var resampler = new SincResampler(new WaveformSource(input), OutputRate);
        long samples = 0;
        for (int got; (got = resampler.Read(block)) > 0;) samples += got;
        return samples;
    }
}
