using BenchmarkDotNet.Attributes;
using Demix.Engine.Autograd;
using Demix.Engine.Nn.Recurrent;
using Demix.Engine.Tensors;

namespace Demix.Benchmarks.Engine;

/// <summary>
/// The Open-Unmix BLSTM of bench/README.md: 3 layers, bidirectional, input 512, hidden 256 per direction,
/// T = 255 frames, batch 16, time-major. PyTorch (tuned, 2 threads): forward 231 ms, forward + backward 761 ms.
/// Forward runs in eval mode without the tape; forward + backward in training mode (dropout 0, as the reference),
/// seeding the backward with ones (the gradient of out.sum()).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class LstmBenchmarks
{
    private const int Steps = 255, Batch = 16, InputSize = 512, HiddenSize = 256;
    private Lstm lstm = null!;
    private Tensor input = null!;
    private Tensor trainableInput = null!;
    private float[] ones = null!;

    /// <summary>Builds the network and a random input.</summary>
    [GlobalSetup]
    public void Setup()
    {
        lstm = new Lstm(new RecurrentOptions(InputSize, HiddenSize, LayerCount: 3, Bidirectional: true), new Random(1));
        input = TensorFactory.Randn(new Random(2), [Steps, Batch, InputSize]);
        trainableInput = input.Clone();
        trainableInput.RequiresGrad = true;
        ones = Enumerable.Repeat(1f, Steps * Batch * 2 * HiddenSize).ToArray();
    }

    /// <summary>Inference: eval mode, no tape.</summary>
    [Benchmark]
    public Tensor Forward()
    {
        lstm.Eval();
        using var noGrad = new NoGradScope();
        return lstm.Forward(input).Output;
    }

    /// <summary>Training step core: forward with the tape, then backward to the weights and the input.</summary>
    [Benchmark]
    public float[]? ForwardBackward()
    {
        lstm.Train();
        lstm.ZeroGrad();
        trainableInput.ZeroGrad();
        lstm.Forward(trainableInput).Output.Backward(ones);
        return trainableInput.Grad;
    }
}
