using BenchmarkDotNet.Attributes;
using Demix.Engine.Autograd;
using Demix.Engine.Tensors;

namespace Demix.Benchmarks.Engine;

/// <summary>
/// The Spleeter conv / conv-transpose layer shapes of ../shared/bench (5x5, stride 2, TF SAME, batch 1),
/// forward and forward + backward (weight and bias gradients, and the input gradient except for enc1, as the
/// reference script), to compare with PyTorch's figures.
/// </summary>
[MemoryDiagnoser]
public class ConvLayerBenchmarks
{
    private Tensor input = null!;
    private Tensor weight = null!;
    private Tensor bias = null!;
    private float[] seed = null!;
    private bool transposed;

    /// <summary>enc1: conv 2->16 @512x1024; enc6: conv 256->512 @16x32; dec1: convT 512->256 @8x16; dec6: convT 32->1 @256x512.</summary>
    [Params("enc1", "enc6", "dec1", "dec6")]
    public string Layer { get; set; } = "enc1";

    [GlobalSetup]
    public void Setup()
    {
        var (shape, outChannels, isTransposed) = Layer switch
        {
            "enc1" => (new[] { 1, 2, 512, 1024 }, 16, false),
            "enc6" => (new[] { 1, 256, 16, 32 }, 512, false),
            "dec1" => (new[] { 1, 512, 8, 16 }, 256, true),
            _ => (new[] { 1, 32, 256, 512 }, 1, true),
        };
        transposed = isTransposed;
        var random = new Random(1);
        input = TensorFactory.Randn(random, shape);
        input.RequiresGrad = Layer != "enc1"; // as ../shared/bench/ref_bench.py: the first layer needs no input gradient
        int[] weightShape = transposed ? [shape[1], outChannels, 5, 5] : [outChannels, shape[1], 5, 5];
        weight = TensorFactory.Randn(random, weightShape, 0f, 0.05f);
        weight.RequiresGrad = true;
        bias = TensorFactory.Zeros(outChannels);
        bias.RequiresGrad = true;
        using (new NoGradScope()) seed = TensorFactory.Ones(Run().Shape).Data;
    }

    [Benchmark]
    public Tensor Forward()
    {
        using var noGrad = new NoGradScope();
        return Run();
    }

    [Benchmark]
    public float[] ForwardBackward()
    {
        input.ZeroGrad();
        weight.ZeroGrad();
        bias.ZeroGrad();
        Run().Backward(seed);
        return weight.Grad!;
    }

    private Tensor Run() => transposed
        ? Tensor.ConvTranspose2d(input, weight, bias, ConvOptions.TfSame(stride: 2))
        : Tensor.Conv2d(input, weight, bias, ConvOptions.TfSame(stride: 2));
}
