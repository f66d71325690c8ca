using Demix.Engine.Nn;
using Demix.Engine.Tensors;
using Demix.Separation.Models.Seeds;

namespace Demix.Separation.Models.FrameTransformer;

/// <summary>
/// The S3 network. Encoder: <c>encoder{i}</c> frame convolutions with stride 2 along frequency. Bottleneck: each
/// frame's features (channels x remaining bins) projected to the model width (<c>bottleneckIn</c>), transformer
/// blocks across time (<c>block{j}</c>), projected back (<c>bottleneckOut</c>) and added to the encoder output.
/// Decoder: <c>upsample{i}</c> (transposed 1x2 conv, stride 2 along frequency), concatenation with the encoder
/// input of that level, <c>decoder{i}</c> frame convolution. <c>mask</c>: 1x1 conv and sigmoid = instrumental mask;
/// the output is that mask times the input magnitude.
/// </summary>
public sealed class FrameTransformerNetwork : Layer, ISpectrogramNetwork
{
    private readonly FrameConv[] encoders, decoders;
    private readonly ConvTranspose2d[] upsamples;
    private readonly Linear bottleneckIn, bottleneckOut;
    private readonly TimeTransformerBlock[] blocks;
    private readonly Conv2d mask;

    /// <summary>Builds the network with weights from <paramref name="random"/>.</summary>
    public FrameTransformerNetwork(FrameTransformerHyperParameters hyperParameters, Random random)
    {
        ArgumentNullException.ThrowIfNull(hyperParameters);
        hyperParameters.Validate();
        HyperParameters = hyperParameters;
        var hp = hyperParameters;
        int levels = hp.Levels;
        encoders = new FrameConv[levels];
        decoders = new FrameConv[levels];
        upsamples = new ConvTranspose2d[levels];
        for (int i = 0; i < levels; i++) encoders[i] = Register($"encoder{i}", new FrameConv(i == 0 ? 1 : hp.Channels(i - 1), hp.Channels(i), hp.FrameKernel, 2, random));
        bottleneckIn = Register("bottleneckIn", new Linear(hp.BottleneckFeatures, hp.ModelWidth, random));
        blocks = [.. Enumerable.Range(0, hp.BlockCount).Select(j => Register($"block{j}", new TimeTransformerBlock(hp, random)))];
        bottleneckOut = Register("bottleneckOut", new Linear(hp.ModelWidth, hp.BottleneckFeatures, random));
        for (int i = levels - 1; i >= 0; i--)
        {
            int skip = i == 0 ? 1 : hp.Channels(i - 1), output = i == 0 ? hp.BaseChannels : hp.Channels(i - 1);
            upsamples[i] = Register($"upsample{i}", new ConvTranspose2d(hp.Channels(i), hp.Channels(i), (1, 2), random, new ConvOptions { StrideWidth = 2 }));
            decoders[i] = Register($"decoder{i}", new FrameConv(hp.Channels(i) + skip, output, hp.FrameKernel, 1, random));
        }
        mask = Register("mask", new Conv2d(hp.BaseChannels, 1, 1, random));
    }

    /// <summary>The hyper-parameters.</summary>
    public FrameTransformerHyperParameters HyperParameters { get; }

    /// <inheritdoc />
    public int FrameMultiple => 1;

    /// <inheritdoc />
    public int BinCount => HyperParameters.BinCount;

    /// <summary>The estimated instrumental magnitude: mask times input.</summary>
    /// <param name="input">Mixture magnitude, [batch, 1, frames, binCount].</param>
    /// <returns>[batch, 1, frames, binCount].</returns>
    public override Tensor Forward(Tensor input) => Tensor.Multiply(Mask(input), input);

    /// <inheritdoc />
    public Tensor[] EstimateMagnitudes(Tensor magnitude) => [Forward(magnitude)];

    /// <summary>The sigmoid instrumental mask, [batch, 1, frames, binCount].</summary>
    public Tensor Mask(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var skips = new Tensor[encoders.Length];
        Tensor x = input.MapAffine(1f, 1f).Log();   // log(1 + |X|) compresses the range for the network
        for (int i = 0; i < encoders.Length; i++)
        {
            skips[i] = x;
            x = encoders[i].Forward(x);
        }
        x += Bottleneck(x);
        for (int i = encoders.Length - 1; i >= 0; i--) x = decoders[i].Forward(Tensor.Concat([upsamples[i].Forward(x), skips[i]], axis: 1));
        return mask.Forward(x).Sigmoid();
    }

    /// <summary>[batch, channels, frames, bins] -> per frame embedding -> blocks -> back to the same shape.</summary>
    private Tensor Bottleneck(Tensor x)
    {
        int batch = x.Size(0), channels = x.Size(1), frames = x.Size(2), bins = x.Size(3);
        Tensor sequence = bottleneckIn.Forward(x.Permute(0, 2, 1, 3).Reshape(batch, frames, channels * bins));
        foreach (var block in blocks) sequence = block.Forward(sequence);
        return bottleneckOut.Forward(sequence).Reshape(batch, frames, channels, bins).Permute(0, 2, 1, 3);
    }
}
