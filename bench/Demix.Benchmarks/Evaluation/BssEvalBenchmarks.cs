using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Demix.Evaluation.BssEval;

namespace Demix.Benchmarks.Evaluation;

/// <summary>
/// The museval speed workload of <c>../shared/bench/museval_speed.py</c>: two stereo sources of 180 s at 44.1 kHz
/// (white noise shaped by a 64-tap exponential kernel), estimates = references + 0.3 x other shaped noise;
/// museval v4 (1 s windows and hop, 512-tap filters over the whole track). museval 0.4.1 takes 18.6 s for the
/// full metrics on this machine kind. Run: <c>dotnet run -c Release --project bench/Demix.Benchmarks -- --filter *BssEval*</c>.
/// </summary>
[Config(typeof(BssEvalBenchmarks.SecondsScaleConfig))]
public class BssEvalBenchmarks
{
    /// <summary>Seconds-long operations: 1 warm-up and 5 measured runs, in process (no boilerplate build).</summary>
    public sealed class SecondsScaleConfig : ManualConfig
    {
        public SecondsScaleConfig() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5));
    }

    private const int SampleRate = 44100;
    private double[][][] references = [];
    private double[][][] estimates = [];

    /// <summary>Track length in seconds (180 = the museval figure's workload).</summary>
    [Params(180)]
    public int Seconds { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(0);
        int n = Seconds * SampleRate;
        references = [[Shaped(random, n), Shaped(random, n)], [Shaped(random, n), Shaped(random, n)]];
        estimates = references.Select(source => source.Select(channel =>
        {
            double[] noise = Shaped(random, n);
            return channel.Select((v, i) => v + 0.3 * noise[i]).ToArray();
        }).ToArray()).ToArray();
    }

    /// <summary>All four metrics (SDR, ISR, SIR, SAR) per window: correlations, Gram solves, projections.</summary>
    [Benchmark(Baseline = true)]
    public double FullMetricsV4() => BssEvaluator.Evaluate(references, estimates, BssEvalOptions.MusevalV4(SampleRate)).Sar[0][0];

    /// <summary>SDR only, which needs no distortion filters.</summary>
    [Benchmark]
    public double SdrOnly() => BssEvaluator.EvaluateSdr(references, estimates, SampleRate, SampleRate)[0][0];

    /// <summary>White noise in [-0.5, 0.5) convolved with exp(-k / 8), k &lt; 64, centred ("same" mode).</summary>
    private static double[] Shaped(Random random, int n)
    {
        var white = new double[n];
        for (int i = 0; i < n; i++) white[i] = random.NextDouble() - 0.5;
        var kernel = Enumerable.Range(0, 64).Select(k => Math.Exp(-k / 8.0)).ToArray();
        var shaped = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int k = 0; k < kernel.Length; k++)
            {
                int j = i - k + 32;
                if (j >= 0 && j < n) sum += kernel[k] * white[j];
            }
            shaped[i] = sum;
        }
        return shaped;
    }
}
