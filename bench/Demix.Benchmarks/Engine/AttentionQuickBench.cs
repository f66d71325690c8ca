using Demix.Engine.Kernels;

namespace Demix.Benchmarks.Engine;

/// <summary>
/// The `--quick attention` mode: <see cref="AttentionBenchmarks"/> (causal self-attention, batch 4, T = 256,
/// width 256, 8 heads, relative logits K = 64, rotary) timed with the <see cref="EngineQuickBench"/> harness,
/// in wall and process CPU time. There is no PyTorch reference row for it.
/// Usage: <c>dotnet run -c Release --project bench/Demix.Benchmarks -- --quick attention</c>.
/// </summary>
public static class AttentionQuickBench
{
    public static int Run()
    {
        var bench = new AttentionBenchmarks();
        bench.Setup();
        Console.WriteLine($"load before: {File.ReadAllText("/proc/loadavg").Trim()}; GEMM threads {GemmBackend.MaxThreads}; {DateTime.UtcNow:u}");
        Console.WriteLine("| causal self-attention B4 T256 E256 H8 | wall (ms) | CPU (ms) |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (name, run) in new (string, Action)[] { ("forward", () => bench.Forward()), ("forward + backward", () => bench.ForwardBackward()) })
        {
            (double wall, _) = EngineQuickBench.Time(run, 5);
            (double cpu, _) = EngineQuickBench.Time(run, 5, cpuTime: true);
            Console.WriteLine(FormattableString.Invariant($"| {name} | {wall * 1e3:F1} | {cpu * 1e3:F1} |"));
        }
        Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }
}
