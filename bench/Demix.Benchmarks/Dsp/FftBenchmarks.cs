using BenchmarkDotNet.Attributes;
using Demix.Dsp.Fft;
using MathNet.Numerics.IntegralTransforms;

namespace Demix.Benchmarks.Dsp;

/// <summary>
/// Our real FFT against MathNet.Numerics' Fourier.ForwardReal (same job: N real samples to N/2+1 bins),
/// one call per operation on one thread. Run: dotnet run -c Release --project bench/Demix.Benchmarks -- --filter *FftBenchmarks*
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class FftBenchmarks
{
    private float[] signal = [];
    private float[] real = [];
    private float[] imag = [];
    private float[] mathNetBuffer = [];
    private float[] output = [];
    private RealFft fft = null!;

    [Params(1024, 2048, 4096)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        signal = Enumerable.Range(0, Size).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        fft = RealFft.ForSize(Size);
        real = new float[fft.BinCount];
        imag = new float[fft.BinCount];
        output = new float[Size];
        mathNetBuffer = new float[Size + 2];
    }

    [Benchmark(Baseline = true)]
    public float MathNetForwardReal()
    {
        signal.CopyTo(mathNetBuffer, 0);
        Fourier.ForwardReal(mathNetBuffer, Size, FourierOptions.NoScaling);
        return mathNetBuffer[1];
    }

    [Benchmark]
    public float DemixForward()
    {
        fft.Forward(signal, real, imag);
        return real[1];
    }

    [Benchmark]
    public float DemixInverse()
    {
        fft.Inverse(real, imag, output);
        return output[1];
    }
}
