using BenchmarkDotNet.Attributes;
using Demix.Engine.Autograd;
using Demix.Engine.Nn.Attention;
using Demix.Engine.Tensors;

namespace Demix.Benchmarks.Engine;

/// <summary>
/// Causal self-attention of a frame-transformer-sized block: batch 4, T = 256 frames, width 256, 8 heads,
/// with relative position logits (K = 64) and rotary embeddings; forward, and forward + backward.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class AttentionBenchmarks
{
    private const int Batch = 4, Steps = 256, Width = 256, Heads = 8;
    private MultiheadAttention attention = null!;
    private Tensor input = null!;
    private Tensor mask = null!;
    private float[] ones = null!;

    /// <summary>Builds the layer and a random input.</summary>
    [GlobalSetup]
    public void Setup()
    {
        attention = new MultiheadAttention(Width, Heads, new Random(1), batchFirst: true, relativeMaxDistance: 64, rotary: true);
        input = TensorFactory.Randn(new Random(2), [Batch, Steps, Width]);
        input.RequiresGrad = true;
        mask = AttentionMasks.Causal(Steps, Steps);
        ones = Enumerable.Repeat(1f, Batch * Steps * Width).ToArray();
    }

    /// <summary>Inference without the tape.</summary>
    [Benchmark]
    public Tensor Forward()
    {
        using var noGrad = new NoGradScope();
        return attention.SelfAttention(input, mask).Output;
    }

    /// <summary>Forward with the tape, then backward to the parameters and the input.</summary>
    [Benchmark]
    public float[]? ForwardBackward()
    {
        attention.ZeroGrad();
        input.ZeroGrad();
        attention.SelfAttention(input, mask).Output.Backward(ones);
        return input.Grad;
    }
}
