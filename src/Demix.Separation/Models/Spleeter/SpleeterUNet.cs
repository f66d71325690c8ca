using Demix.Engine.Nn;
using Demix.Engine.Tensors;

namespace Demix.Separation.Models.Spleeter;

/// <summary>
/// One Spleeter U-Net (one per instrument), as <c>spleeter/model/functions/unet.py apply_unet</c>:
/// six encoder blocks conv 5x5 stride 2 (TF "same") -> batch norm -> activation, whose skips are the raw conv
/// outputs (before batch norm); six decoder blocks transposed conv 5x5 stride 2 -> activation -> batch norm,
/// dropout 0.5 on the first three, each (but the last) concatenated as [skip, decoded] along channels; a final
/// 4x4 dilation-2 "same" conv to the input channels with a sigmoid; the output is that mask times the input.
/// Keras batch norm: epsilon 1e-3, momentum 0.99 (PyTorch momentum 0.01).
/// </summary>
/// <remarks>
/// Children: <c>conv0..conv5</c> (Conv2d), <c>bn0..bn5</c>, <c>deconv0..deconv5</c> (ConvTranspose2d), <c>dbn0..dbn5</c>,
/// <c>mask</c> (Conv2d). Layout NCHW with H = frames, W = bins (TF's NHWC [batch, T, F, channels] permuted).
/// The encoder's sixth batch norm is computed by the reference but feeds nothing; it is kept for the weights.
/// </remarks>
public sealed class SpleeterUNet : Layer
{
    private const float KerasEpsilon = 1e-3f, KerasMomentum = 0.01f, DropoutRate = 0.5f;
    private readonly Conv2d[] convs = new Conv2d[6];
    private readonly BatchNorm2d[] norms = new BatchNorm2d[6];
    private readonly ConvTranspose2d[] deconvs = new ConvTranspose2d[6];
    private readonly BatchNorm2d[] deconvNorms = new BatchNorm2d[6];
    private readonly Conv2d mask;
    private readonly Func<Tensor, Tensor> convActivation, deconvActivation;
    private readonly Random random;

    /// <summary>Builds the network with Kaiming-uniform weights from <paramref name="random"/>.</summary>
    public SpleeterUNet(SpleeterHyperParameters hyperParameters, Random random)
    {
        ArgumentNullException.ThrowIfNull(hyperParameters);
        hyperParameters.Validate();
        this.random = random ?? throw new ArgumentNullException(nameof(random));
        convActivation = SpleeterActivation.Parse(hyperParameters.ConvActivation);
        deconvActivation = SpleeterActivation.Parse(hyperParameters.DeconvActivation);
        IReadOnlyList<int> f = hyperParameters.Filters;
        int channels = hyperParameters.ChannelCount;
        for (int i = 0; i < 6; i++)
        {
            convs[i] = Register($"conv{i}", new Conv2d(i == 0 ? channels : f[i - 1], f[i], 5, random, ConvOptions.TfSame(2)));
            norms[i] = Register($"bn{i}", new BatchNorm2d(f[i], KerasEpsilon, KerasMomentum));
        }
        for (int i = 0; i < 6; i++)
        {
            int input = i == 0 ? f[5] : 2 * f[5 - i];
            int output = i == 5 ? 1 : f[4 - i];
            deconvs[i] = Register($"deconv{i}", new ConvTranspose2d(input, output, 5, random, ConvOptions.TfSame(2)));
            deconvNorms[i] = Register($"dbn{i}", new BatchNorm2d(output, KerasEpsilon, KerasMomentum));
        }
        mask = Register("mask", new Conv2d(1, channels, 4, random, ConvOptions.TfSame(1, dilation: 2)));
    }

    /// <summary>The estimated instrument magnitude.</summary>
    /// <param name="input">Mixture magnitude, [batch, channels, T, F] with T and F multiples of 64.</param>
    /// <returns>Sigmoid mask times the input, [batch, channels, T, F].</returns>
    public override Tensor Forward(Tensor input) => Tensor.Multiply(Mask(input), input);

    /// <summary>The sigmoid mask, [batch, channels, T, F].</summary>
    public Tensor Mask(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var skips = new Tensor[6];
        Tensor x = input;
        for (int i = 0; i < 6; i++)
        {
            skips[i] = convs[i].Forward(x);
            x = convActivation(norms[i].Forward(skips[i]));
        }
        x = skips[5];   // the decoder starts from the raw sixth conv
        for (int i = 0; i < 6; i++)
        {
            x = deconvNorms[i].Forward(deconvActivation(deconvs[i].Forward(x)));
            if (i < 3) x = x.Dropout(DropoutRate, random, Training);
            if (i < 5) x = Tensor.Concat([skips[4 - i], x], axis: 1);
        }
        return mask.Forward(x).Sigmoid();
    }
}
