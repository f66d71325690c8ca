using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Demix.Dsp.Masking;
using Demix.Dsp.Stft;
using Demix.Separation.Models.OpenUnmix;
using StftTransform = Demix.Dsp.Stft.Stft;

namespace Demix.Benchmarks.Models;

/// <summary>
/// The Open-Unmix row of ../shared/bench: hidden 512 (UMX-HQ size), random weights, 30 s of stereo noise at
/// 44.1 kHz, STFT 4096/1024 -> networks -> mixture phase (+ residual with one target) -> iSTFT, no Wiener EM.
/// PyTorch 1.13, 2 threads: vocals + residual 0.93 s tuned / 1.46 s default; four targets 2.29 s / 4.49 s.
/// Besides wall time, each invocation's process CPU time is recorded and its median printed at cleanup
/// (the figure to compare on a loaded machine).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class OpenUnmixInferenceBenchmarks
{
    private const int SampleRate = 44100, DurationSeconds = 30;
    private readonly List<double> cpuSeconds = [];
    private OpenUnmixSeparator separator = null!;
    private float[][] audio = null!;
    private StftConfig config = null!;

    /// <summary>1 = vocals + residual; 4 = vocals, drums, bass, other (no residual).</summary>
    [Params(1, 4)]
    public int Targets { get; set; }

    /// <summary>Builds the random model and the signal.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string[] names = Targets == 1 ? ["vocals"] : ["vocals", "drums", "bass", "other"];
        var hyperParameters = new OpenUnmixHyperParameters { HiddenSize = 512, WienerIterations = 0, Residual = Targets == 1 };
        separator = (OpenUnmixSeparator)OpenUnmixFamily.Create("bench", names, hyperParameters, new Random(1)).CreateSeparator();
        var random = new Random(2);
        audio = new float[2][];
        for (int c = 0; c < 2; c++)
        {
            audio[c] = new float[SampleRate * DurationSeconds];
            for (int i = 0; i < audio[c].Length; i++) audio[c][i] = (float)(0.1 * (2 * random.NextDouble() - 1));
        }
        config = StftConfig.Torch();
    }

    /// <summary>Waveform in, stems out (the bench pipeline).</summary>
    [Benchmark]
    public float[][][] Separate()
    {
        TimeSpan before = Process.GetCurrentProcess().TotalProcessorTime;
        ComplexSpectrogram mixture = StftTransform.Forward(audio, config);
        float[][] magnitudes = separator.PredictMagnitudes(mixture);
        ComplexSpectrogram[] stems = Wiener.Filter(mixture, magnitudes, iterations: 0, softmask: false, residual: Targets == 1);
        float[][][] result = [.. stems.Select(s => StftTransform.Inverse(s, config, audio[0].Length))];
        cpuSeconds.Add((Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds);
        return result;
    }

    /// <summary>Prints the median CPU seconds per invocation.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        if (cpuSeconds.Count == 0) return;
        var sorted = cpuSeconds.Order().ToList();
        Console.WriteLine($"// OpenUnmix targets={Targets}: median process CPU time {sorted[sorted.Count / 2]:F3} s over {sorted.Count} invocations");
    }
}
