using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Demix.Separation.Models.Spleeter;
using Demix.Separation.Pipeline;

namespace Demix.Benchmarks.Models;

/// <summary>
/// The Spleeter row of ../shared/bench: the 2stems network (two 6-level U-Nets, 16..512 filters, T = 512, F = 1024)
/// with random weights separating 30 s of stereo noise at 44.1 kHz through Spleeter's own STFT, masks and inverse.
/// PyTorch, 2 threads: 1.34 s default / 1.08 s tuned. Each invocation's process CPU time is recorded and its median
/// printed at cleanup (the figure to compare on a loaded machine).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class SpleeterInferenceBenchmarks
{
    private const int SampleRate = 44100, DurationSeconds = 30;
    private readonly List<double> cpuSeconds = [];
    private ISeparator separator = null!;
    private float[][] audio = null!;

    /// <summary>Builds the random 2stems model and the signal.</summary>
    [GlobalSetup]
    public void Setup()
    {
        separator = SpleeterFamily.Create("bench", ["vocals", "accompaniment"], new SpleeterHyperParameters(), new Random(1)).CreateSeparator();
        var random = new Random(2);
        audio = new float[2][];
        for (int c = 0; c < 2; c++)
        {
            audio[c] = new float[SampleRate * DurationSeconds];
            for (int i = 0; i < audio[c].Length; i++) audio[c][i] = (float)(0.1 * (2 * random.NextDouble() - 1));
        }
    }

    /// <summary>Waveform in, two stems out.</summary>
    [Benchmark]
    public float[][][] Separate()
    {
        TimeSpan before = Process.GetCurrentProcess().TotalProcessorTime;
        float[][][] result = separator.Separate(audio, SampleRate);
        cpuSeconds.Add((Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds);
        return result;
    }

    /// <summary>Prints the median CPU seconds per invocation.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        if (cpuSeconds.Count == 0) return;
        double[] sorted = [.. cpuSeconds.Order()];
        Console.WriteLine($"// Spleeter 2stems 30 s: median process CPU {sorted[sorted.Length / 2]:F2} s over {sorted.Length} invocations");
    }
}
