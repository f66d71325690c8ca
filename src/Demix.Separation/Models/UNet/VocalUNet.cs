using Demix.Engine.Nn;
using Demix.Engine.Tensors;
using Demix.Separation.Models.Seeds;

namespace Demix.Separation.Models.UNet;

/// <summary>
/// The S1 U-Net (Jansson et al. 2017): encoder levels of 5x5 stride-2 conv -> batch norm -> leaky ReLU (0.2);
/// decoder levels of 5x5 stride-2 transposed conv -> batch norm -> ReLU, dropout on the first three, each
/// concatenated with the encoder level of the same size; the last transposed conv gives one channel and a sigmoid
/// mask; the output is that mask times the input magnitude (trained with L1 against the vocal magnitude).
/// </summary>
/// <remarks>Children <c>encoder{i}</c>, <c>encoderNorm{i}</c>, <c>decoder{i}</c>, <c>decoderNorm{i}</c> (not on the last).</remarks>
public sealed class VocalUNet : Layer, ISpectrogramNetwork
{
    private readonly Conv2d[] encoders;
    private readonly BatchNorm2d[] encoderNorms;
    private readonly ConvTranspose2d[] decoders;
    private readonly BatchNorm2d[] decoderNorms;
    private readonly Random random;

    /// <summary>Builds the network with weights from <paramref name="random"/>.</summary>
    public VocalUNet(UNetHyperParameters hyperParameters, Random random)
    {
        ArgumentNullException.ThrowIfNull(hyperParameters);
        hyperParameters.Validate();
        HyperParameters = hyperParameters;
        this.random = random ?? throw new ArgumentNullException(nameof(random));
        int levels = hyperParameters.Levels;
        encoders = new Conv2d[levels];
        encoderNorms = new BatchNorm2d[levels];
        decoders = new ConvTranspose2d[levels];
        decoderNorms = new BatchNorm2d[levels - 1];
        for (int i = 0; i < levels; i++)
        {
            encoders[i] = Register($"encoder{i}", new Conv2d(i == 0 ? 1 : hyperParameters.Channels(i - 1), hyperParameters.Channels(i), 5, random, ConvOptions.TfSame(2)));
            encoderNorms[i] = Register($"encoderNorm{i}", new BatchNorm2d(hyperParameters.Channels(i)));
        }
        for (int i = 0; i < levels; i++)
        {
            int input = i == 0 ? hyperParameters.Channels(levels - 1) : 2 * hyperParameters.Channels(levels - 1 - i);
            int output = i == levels - 1 ? 1 : hyperParameters.Channels(levels - 2 - i);
            decoders[i] = Register($"decoder{i}", new ConvTranspose2d(input, output, 5, random, ConvOptions.TfSame(2)));
            if (i < levels - 1) decoderNorms[i] = Register($"decoderNorm{i}", new BatchNorm2d(output));
        }
    }

    /// <summary>The hyper-parameters.</summary>
    public UNetHyperParameters HyperParameters { get; }

    /// <inheritdoc />
    public int FrameMultiple => 1 << HyperParameters.Levels;

    /// <inheritdoc />
    public int BinCount => HyperParameters.BinCount;

    /// <summary>The estimated vocal magnitude: mask times input.</summary>
    /// <param name="input">Mixture magnitude, [batch, 1, frames, bins], both multiples of 2^levels.</param>
    /// <returns>[batch, 1, frames, bins].</returns>
    public override Tensor Forward(Tensor input) => Tensor.Multiply(Mask(input), input);

    /// <inheritdoc />
    public Tensor[] EstimateMagnitudes(Tensor magnitude) => [Forward(magnitude)];

    /// <summary>The sigmoid vocal mask, [batch, 1, frames, bins].</summary>
    public Tensor Mask(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        int levels = encoders.Length;
        var skips = new Tensor[levels];
        Tensor x = input;
        for (int i = 0; i < levels; i++) x = skips[i] = encoderNorms[i].Forward(encoders[i].Forward(x)).LeakyRelu(0.2f);
        for (int i = 0; i < levels - 1; i++)
        {
            x = decoderNorms[i].Forward(decoders[i].Forward(x)).Relu();
            if (i < 3) x = x.Dropout(HyperParameters.Dropout, random, Training);
            x = Tensor.Concat([x, skips[levels - 2 - i]], axis: 1);
        }
        return decoders[levels - 1].Forward(x).Sigmoid();
    }
}
