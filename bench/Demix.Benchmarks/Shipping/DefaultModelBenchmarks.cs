using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Demix.Separation.Models;
using Demix.Separation.Pipeline;

namespace Demix.Benchmarks.Shipping;

/// <summary>
/// The shipped default model (repository <c>models/default.*</c>) on one 30-second stereo chunk at 44.1 kHz (the
/// chunk the pipeline hands it), with the card's settings and with each test-time option. Besides wall time and
/// allocations, each invocation's process CPU time is recorded and its median printed at cleanup (the figure to
/// compare on a loaded machine). End-to-end figures (decode, chunking, encode, peak RSS): measure.sh beside this file.
/// Run: <c>dotnet run -c Release --project bench/Demix.Benchmarks -- --filter '*DefaultModel*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class DefaultModelBenchmarks
{
    private const int SampleRate = 44100, DurationSeconds = 30;
    private readonly List<double> cpuSeconds = [];
    private ISeparator separator = null!;
    private float[][] audio = null!;

    /// <summary>The inference variant.</summary>
    [ParamsAllValues]
    public InferenceVariant Variant { get; set; }

    /// <summary>Loads the model and builds 30 s of a centred tone over stereo noise.</summary>
    [GlobalSetup]
    public void Setup()
    {
        ISeparationModel model = DefaultModel.Load(Path.Combine(RepositoryRoot(), DefaultModel.FolderName));
        InferenceOptions options = Variant switch
        {
            InferenceVariant.Swap => new InferenceOptions { ChannelSwap = true },
            InferenceVariant.Shifts2 => new InferenceOptions { Shifts = 2 },
            InferenceVariant.Wiener1 => new InferenceOptions { WienerIterations = 1 },
            _ => InferenceOptions.None,
        };
        separator = ModelMethod.CreateSeparator(model, options);
        var random = new Random(2);
        audio = new float[2][];
        for (int c = 0; c < 2; c++)
        {
            audio[c] = new float[SampleRate * DurationSeconds];
            for (int i = 0; i < audio[c].Length; i++)
            {
                audio[c][i] = (float)(0.2 * Math.Sin(2 * Math.PI * 330 * i / SampleRate) + 0.1 * (2 * random.NextDouble() - 1));
            }
        }
    }

    /// <summary>Waveform in, stems out.</summary>
    [Benchmark]
    public float[][][] SeparateChunk()
    {
        TimeSpan before = Process.GetCurrentProcess().TotalProcessorTime;
        float[][][] stems = separator.Separate(audio, SampleRate);
        cpuSeconds.Add((Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds);
        return stems;
    }

    /// <summary>Prints the median CPU seconds per invocation and the real-time factor per CPU second.</summary>
    [GlobalCleanup]
    public void Report()
    {
        if (cpuSeconds.Count == 0) return;
        double median = cpuSeconds.Order().ElementAt(cpuSeconds.Count / 2);
        Console.WriteLine($"// {Variant}: median CPU {median:F2} s per 30 s chunk = {DurationSeconds / median:F1}x real time per CPU second");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Demix.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No Demix.sln above {AppContext.BaseDirectory}: run the benchmark from the repository.");
    }
}

/// <summary>The settings <see cref="DefaultModelBenchmarks"/> compares.</summary>
public enum InferenceVariant
{
    /// <summary>The card's settings (what <c>demix separate</c> uses by default).</summary>
    Card,

    /// <summary>Plus channel swap.</summary>
    Swap,

    /// <summary>Plus 2 shifts.</summary>
    Shifts2,

    /// <summary>One Wiener EM iteration.</summary>
    Wiener1,
}
