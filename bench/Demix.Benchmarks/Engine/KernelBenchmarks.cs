using BenchmarkDotNet.Attributes;
using Demix.Engine.Kernels;

namespace Demix.Benchmarks.Engine;

/// <summary>BenchmarkDotNet view of the SGEMM workloads (the quick harness prints the comparison table).</summary>
[MemoryDiagnoser]
public class SgemmBenchmarks
{
    private EngineWorkload workload = null!;

    [Params("256", "512", "1024", "2048", "16x1024x2048", "16x1024x2048T")]
    public string Shape { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        workload = Shape switch
        {
            "16x1024x2048" => EngineWorkloads.Sgemm(16, 1024, 2048, false, GemmBackendKind.Managed),
            "16x1024x2048T" => EngineWorkloads.Sgemm(16, 1024, 2048, true, GemmBackendKind.Managed),
            _ => EngineWorkloads.Sgemm(int.Parse(Shape), int.Parse(Shape), int.Parse(Shape), false, GemmBackendKind.Managed),
        };
    }

    [Benchmark]
    public void Sgemm() => workload.Run();
}

/// <summary>BenchmarkDotNet view of the Spleeter conv / conv-transpose layers at kernel level (spans, no autograd), forward and forward + backward.</summary>
public class ConvKernelBenchmarks
{
    [ParamsSource(nameof(Layers))]
    public int Layer { get; set; }

    public static IEnumerable<int> Layers => Enumerable.Range(0, SpleeterLayer.All.Count);

    [Benchmark]
    public void Forward() => SpleeterLayer.All[Layer].Forward();

    [Benchmark]
    public void ForwardBackward() => SpleeterLayer.All[Layer].ForwardBackward();
}
