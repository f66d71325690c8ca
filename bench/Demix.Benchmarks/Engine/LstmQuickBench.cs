using System.Globalization;
using Demix.Engine.Autograd;
using Demix.Engine.Kernels;
using Demix.Engine.Nn.Recurrent;
using Demix.Engine.Tensors;

namespace Demix.Benchmarks.Engine;

/// <summary>
/// The `--quick lstm` mode: the Open-Unmix BLSTM of <see cref="LstmBenchmarks"/> timed with the Stopwatch harness of
/// <see cref="EngineQuickBench"/> (median of N runs after warm-up), in wall time and in process CPU time, against
/// PyTorch tuned with 2 threads (wall) and with 1 thread (whose wall time is its CPU time).
/// Usage: <c>dotnet run -c Release --project bench/Demix.Benchmarks -- --quick lstm [--repeats N]</c>.
/// </summary>
public static class LstmQuickBench
{
    private const double ForwardFlops = 38.50371072e9;

    public static int Run(string[] args)
    {
        int index = Array.IndexOf(args, "--repeats");
        int repeats = index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : 5;
        var bench = new LstmBenchmarks();
        bench.Setup();
        var reference = PyTorchReference.Load();
        Console.WriteLine($"load before: {File.ReadAllText("/proc/loadavg").Trim()}; GEMM threads {GemmBackend.MaxThreads}; {DateTime.UtcNow:u}");
        Console.WriteLine("| Open-Unmix BLSTM | ours wall (ms) | ours CPU (ms) | GFLOP per CPU-s | PyTorch tuned 2 threads (ms) | PyTorch tuned 1 thread (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Row("forward", () => bench.Forward(), ForwardFlops, "fwd", repeats, reference);
        Row("forward + backward", () => bench.ForwardBackward(), 3 * ForwardFlops, "fwd_bwd", repeats, reference);
        Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    private static void Row(string name, Action run, double flops, string part, int repeats, PyTorchReference reference)
    {
        (double wall, _) = EngineQuickBench.Time(run, repeats);
        (double cpu, _) = EngineQuickBench.Time(run, repeats, cpuTime: true);
        double? tuned2 = reference.Value("tuned_t2", "lstm", part, "");
        double? tuned1 = reference.Value("tuned_t1", "lstm", part, "");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {wall * 1e3:F0} | {cpu * 1e3:F0} | {flops / cpu / 1e9:F0} | {tuned2 * 1e3:F0} | {tuned1 * 1e3:F0} |"));
    }
}
