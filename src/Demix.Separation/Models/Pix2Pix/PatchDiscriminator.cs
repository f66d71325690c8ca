using Demix.Engine.Nn;
using Demix.Engine.Tensors;

namespace Demix.Separation.Models.Pix2Pix;

/// <summary>
/// The 70x70 PatchGAN discriminator of pix2pix: on the channel concatenation of condition and image,
/// <c>layer0</c> C 4x4 stride 2 -> leaky ReLU; <c>layer1</c>, <c>layer2</c> 2C, 4C stride 2 and <c>layer3</c> 8C stride 1, each
/// with batch norm (<c>norm{i}</c>) and leaky ReLU (0.2); <c>output</c> 4x4 stride 1 to one logit per patch. All pad 1.
/// Each output logit sees a 70x70 patch of the input.
/// </summary>
public sealed class PatchDiscriminator : Module
{
    private readonly Conv2d[] layers = new Conv2d[4];
    private readonly BatchNorm2d?[] norms = new BatchNorm2d?[4];
    private readonly Conv2d output;

    /// <summary>Builds the discriminator with weights from <paramref name="random"/>.</summary>
    public PatchDiscriminator(Pix2PixHyperParameters hp, Random random)
    {
        ArgumentNullException.ThrowIfNull(hp);
        int c = hp.DiscriminatorChannels;
        int[] channels = [c, 2 * c, 4 * c, 8 * c];
        for (int i = 0; i < 4; i++)
        {
            var options = ConvOptions.Create(stride: i < 3 ? 2 : 1, padding: 1);
            layers[i] = Register($"layer{i}", new Conv2d(i == 0 ? 2 : channels[i - 1], channels[i], 4, random, options));
            if (i > 0) norms[i] = Register($"norm{i}", new BatchNorm2d(channels[i]));
        }
        output = Register("output", new Conv2d(channels[3], 1, 4, random, ConvOptions.Create(stride: 1, padding: 1)));
    }

    /// <summary>Patch logits (real > 0).</summary>
    /// <param name="condition">Mixture image, [batch, 1, size, size].</param>
    /// <param name="image">Real or generated vocal image, [batch, 1, size, size].</param>
    /// <returns>[batch, 1, size / 8 - 2, size / 8 - 2].</returns>
    public Tensor Forward(Tensor condition, Tensor image)
    {
        Tensor x = Tensor.Concat([condition, image], axis: 1);
        for (int i = 0; i < 4; i++)
        {
            x = layers[i].Forward(x);
            if (norms[i] is { } norm) x = norm.Forward(x);
            x = x.LeakyRelu(0.2f);
        }
        return output.Forward(x);
    }
}
