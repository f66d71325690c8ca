using BenchmarkDotNet.Attributes;
using Demix.Engine.Nn;
using Demix.Engine.Optim;
using Demix.Engine.Tensors;

namespace Demix.Benchmarks.Engine;

/// <summary>
/// One training step (forward, L1 loss, backward, Adam) of a Spleeter-shaped U-Net built from engine layers only:
/// six 5x5 stride-2 TF-SAME convs (16..512 filters) with batch norm and leaky ReLU, six transposed convs with ReLU,
/// batch norm, dropout 0.5 on the first three and [skip, decoded] concatenation, a 4x4 dilation-2 sigmoid mask conv.
/// Batch 4 x 2 channels x 512 frames x 1024 bins, as "train step, one Spleeter U-Net" in ../shared/bench.
/// </summary>
[MemoryDiagnoser]
public class UNetTrainStepBenchmarks
{
    private static readonly int[] Filters = [16, 32, 64, 128, 256, 512];
    private readonly Random random = new(1);
    private Conv2d[] convs = null!;
    private BatchNorm2d[] norms = null!;
    private ConvTranspose2d[] deconvs = null!;
    private BatchNorm2d[] deconvNorms = null!;
    private Conv2d mask = null!;
    private Adam optimizer = null!;
    private Tensor mixture = null!;
    private Tensor target = null!;

    /// <summary>Frames (H) of the input; 512 is the reference workload.</summary>
    [Params(512)]
    public int Frames { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        convs = new Conv2d[6];
        norms = new BatchNorm2d[6];
        deconvs = new ConvTranspose2d[6];
        deconvNorms = new BatchNorm2d[6];
        for (int i = 0; i < 6; i++)
        {
            convs[i] = new Conv2d(i == 0 ? 2 : Filters[i - 1], Filters[i], 5, random, ConvOptions.TfSame(stride: 2));
            norms[i] = new BatchNorm2d(Filters[i], eps: 1e-3f, momentum: 0.01f);
            int input = i == 0 ? Filters[5] : 2 * Filters[5 - i], output = i == 5 ? 1 : Filters[4 - i];
            deconvs[i] = new ConvTranspose2d(input, output, 5, random, ConvOptions.TfSame(stride: 2));
            deconvNorms[i] = new BatchNorm2d(output, eps: 1e-3f, momentum: 0.01f);
        }
        mask = new Conv2d(1, 2, 4, random, ConvOptions.TfSame(stride: 1, dilation: 2));
        var modules = new Module[] { mask }.Concat(convs).Concat(norms).Concat(deconvs).Concat(deconvNorms);
        optimizer = new Adam(modules.SelectMany(m => m.Parameters()).ToList(), 1e-4f);
        mixture = TensorFactory.Uniform(random, [4, 2, Frames, 1024]);
        target = TensorFactory.Uniform(random, [4, 2, Frames, 1024], 0f, 0.5f);
    }

    [Benchmark]
    public float TrainStep()
    {
        optimizer.ZeroGrad();
        var loss = Tensor.L1Loss(Forward(mixture), target);
        loss.Backward();
        optimizer.Step();
        return loss.Item();
    }

    /// <summary>Mask times input, [4, 2, Frames, 1024].</summary>
    private Tensor Forward(Tensor input)
    {
        var skips = new Tensor[6];
        var x = input;
        for (int i = 0; i < 6; i++)
        {
            skips[i] = convs[i].Forward(x);
            x = norms[i].Forward(skips[i]).LeakyRelu(0.2f);
        }
        x = skips[5];
        for (int i = 0; i < 6; i++)
        {
            x = deconvNorms[i].Forward(deconvs[i].Forward(x).Relu());
            if (i < 3) x = x.Dropout(0.5f, random);
            if (i < 5) x = Tensor.Concat([skips[4 - i], x], 1);
        }
        return mask.Forward(x).Sigmoid() * input;
    }
}
