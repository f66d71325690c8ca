using System.Diagnostics;
using System.Globalization;
using System.Text;
using Demix.Engine.Kernels;

namespace Demix.Benchmarks.Engine;

/// <summary>
/// The `--quick engine` mode: a Stopwatch harness (warm-up, then the median of N samples of at least 0.1 s each)
/// over <see cref="EngineWorkloads"/>, printing a markdown table against the PyTorch figures in
/// ../shared/bench/pytorch-cpu.json. Much faster than BenchmarkDotNet; the load average is printed with it.
/// Usage: <c>dotnet run -c Release --project bench/Demix.Benchmarks -- --quick engine [--repeats N] [--filter TEXT] [--openblas] [--cpu-time]</c>.
/// </summary>
public static class EngineQuickBench
{
    /// <summary>Measured FMA limit of one Zen 5 core with AVX-512 (../shared/bench: 516 GFLOP/s on 2 cores).</summary>
    private const double CorePeakGflops = 258;

    private static double PeakGflops => CorePeakGflops * Math.Clamp(GemmBackend.MaxThreads, 1, Environment.ProcessorCount);

    public static int Run(string[] args)
    {
        int repeats = IntOption(args, "--repeats", 9);
        string filter = StringOption(args, "--filter") ?? "";
        bool openBlas = args.Contains("--openblas");
        bool cpuTime = args.Contains("--cpu-time");
        var reference = PyTorchReference.Load();
        var workloads = EngineWorkloads.AllSgemm(GemmBackendKind.Managed).Concat(EngineWorkloads.AllConv());
        if (openBlas && GemmBackend.OpenBlasAvailable)
        {
            workloads = workloads.Concat(EngineWorkloads.AllSgemm(GemmBackendKind.OpenBlas));
        }

        Console.WriteLine($"load before: {LoadAverage()}; {(cpuTime ? "process CPU time" : "wall time")}; threads {GemmBackend.MaxThreads}; OPENBLAS_CORETYPE={Environment.GetEnvironmentVariable("OPENBLAS_CORETYPE") ?? "(unset)"}; {DateTime.UtcNow:u}");
        string config = GemmBackend.MaxThreads == 1 ? "1 thread" : "2 threads";
        Console.WriteLine($"| workload | ours (ms) | ours GFLOP/s | % of {PeakGflops:F0} peak | PyTorch default ({config}) | PyTorch tuned ({config}) | ours vs tuned |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (EngineWorkload workload in workloads.Where(w => w.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)))
        {
            (double median, _) = Time(workload.Run, repeats, cpuTime);
            Console.WriteLine(Row(workload, median, reference));
        }

        Console.WriteLine($"load after: {LoadAverage()}");
        return 0;
    }

    /// <summary>
    /// Median and minimum seconds per run: wall-clock time, or with <paramref name="cpuTime"/> the CPU time of
    /// this process (an estimate of the quiet-machine time of a single-threaded run on a machine busy with others).
    /// </summary>
    public static (double Median, double Min) Time(Action run, int repeats, bool cpuTime = false)
    {
        var process = Process.GetCurrentProcess();
        Func<double> clock = cpuTime
            ? () => { process.Refresh(); return process.TotalProcessorTime.TotalSeconds; }
            : () => Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
        int inner = Calibrate(run, clock, cpuTime ? 0.3 : 0.1);
        var samples = new List<double>();
        for (int s = 0; s < repeats + 2; s++)
        {
            double start = clock();
            for (int i = 0; i < inner; i++)
            {
                run();
            }

            samples.Add((clock() - start) / inner);
        }

        samples = samples.Skip(2).Order().ToList(); // the first two samples are warm-up (tiering, page faults)
        return (samples[samples.Count / 2], samples[0]);
    }

    /// <summary>Runs per sample so that one sample lasts about <paramref name="sampleSeconds"/> on the clock (CPU time ticks are 10 ms).</summary>
    private static int Calibrate(Action run, Func<double> clock, double sampleSeconds)
    {
        run();
        int count = 0;
        double start = clock(), elapsed = 0;
        var wall = Stopwatch.StartNew();
        while (elapsed < 0.05 && wall.Elapsed.TotalSeconds < 10)
        {
            run();
            count++;
            elapsed = clock() - start;
        }

        double perRun = Math.Max(elapsed, 1e-3) / count;
        return (int)Math.Clamp(sampleSeconds / perRun, 1, 1_000_000);
    }

    private static string Row(EngineWorkload w, double seconds, PyTorchReference reference)
    {
        double gflops = w.Flops / seconds / 1e9;
        var ci = CultureInfo.InvariantCulture;
        bool isGemm = w.Section == "sgemm";
        string threads = GemmBackend.MaxThreads == 1 ? "t1" : "t2"; // compare with PyTorch on as many threads
        double? pDefault = reference.Value("default_" + threads, w.Section, w.PyTorchKey, w.PyTorchPart);
        double? pTuned = reference.Value("tuned_" + threads, w.Section, w.PyTorchKey, w.PyTorchPart);
        string Fmt(double? seconds2) => seconds2 is null ? "–"
            : isGemm ? string.Format(ci, "{0:F1} GFLOP/s", w.Flops / seconds2.Value / 1e9) : string.Format(ci, "{0:F2} ms", seconds2.Value * 1e3);
        string ratio = pTuned is null ? "–" : isGemm
            ? string.Format(ci, "{0:F2}x speed", pTuned.Value / seconds)
            : string.Format(ci, "{0:F2}x time", seconds / pTuned.Value);
        var row = new StringBuilder();
        row.Append(ci, $"| {w.Name} | {seconds * 1e3:F3} | {gflops:F1} | {100 * gflops / PeakGflops:F0} % | ");
        row.Append(ci, $"{Fmt(pDefault)} | {Fmt(pTuned)} | {ratio} |");
        return row.ToString();
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static int IntOption(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out int value) ? value : fallback;
    }

    private static string? StringOption(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
