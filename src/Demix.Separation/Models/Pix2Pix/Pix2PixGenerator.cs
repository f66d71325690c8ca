using Demix.Engine.Nn;
using Demix.Engine.Tensors;

namespace Demix.Separation.Models.Pix2Pix;

/// <summary>
/// The pix2pix U-Net generator: <c>down{i}</c> 4x4 stride-2 convs (pad 1), each but the first preceded by leaky ReLU
/// (0.2) and all but the first and the innermost followed by batch norm (<c>downNorm{i}</c>); <c>up{i}</c> 4x4 stride-2
/// transposed convs preceded by ReLU, followed by batch norm (<c>upNorm{i}</c>) and dropout 0.5 on the three innermost,
/// concatenated with the mirrored encoder output; the outermost gives one channel and tanh.
/// </summary>
public sealed class Pix2PixGenerator : Layer
{
    private readonly Conv2d[] downs;
    private readonly BatchNorm2d?[] downNorms;
    private readonly ConvTranspose2d[] ups;
    private readonly BatchNorm2d?[] upNorms;
    private readonly Random random;

    /// <summary>Builds the generator with weights from <paramref name="random"/>.</summary>
    public Pix2PixGenerator(Pix2PixHyperParameters hp, Random random)
    {
        ArgumentNullException.ThrowIfNull(hp);
        this.random = random ?? throw new ArgumentNullException(nameof(random));
        int levels = hp.GeneratorLevels;
        downs = new Conv2d[levels];
        downNorms = new BatchNorm2d?[levels];
        ups = new ConvTranspose2d[levels];
        upNorms = new BatchNorm2d?[levels];
        var options = ConvOptions.Create(stride: 2, padding: 1);
        for (int i = 0; i < levels; i++)
        {
            downs[i] = Register($"down{i}", new Conv2d(i == 0 ? 1 : hp.Channels(i - 1), hp.Channels(i), 4, random, options));
            if (i > 0 && i < levels - 1) downNorms[i] = Register($"downNorm{i}", new BatchNorm2d(hp.Channels(i)));
        }
        for (int i = levels - 1; i >= 0; i--)   // up{i} mirrors down{i}
        {
            int input = i == levels - 1 ? hp.Channels(i) : 2 * hp.Channels(i);
            int output = i == 0 ? 1 : hp.Channels(i - 1);
            ups[i] = Register($"up{i}", new ConvTranspose2d(input, output, 4, random, options));
            if (i > 0) upNorms[i] = Register($"upNorm{i}", new BatchNorm2d(output));
        }
    }

    /// <summary>The generated image.</summary>
    /// <param name="input">Condition image in [-1, 1], [batch, 1, size, size].</param>
    /// <returns>[batch, 1, size, size] in (-1, 1).</returns>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        int levels = downs.Length;
        var skips = new Tensor[levels];
        Tensor x = input;
        for (int i = 0; i < levels; i++)
        {
            x = downs[i].Forward(i == 0 ? x : x.LeakyRelu(0.2f));
            if (downNorms[i] is { } norm) x = norm.Forward(x);
            skips[i] = x;
        }
        for (int i = levels - 1; i >= 0; i--)
        {
            if (i < levels - 1) x = Tensor.Concat([x, skips[i]], axis: 1);
            x = ups[i].Forward(x.Relu());
            if (upNorms[i] is { } norm) x = norm.Forward(x);
            if (i > 0 && i >= levels - 3) x = x.Dropout(0.5f, random, Training);
        }
        return x.Tanh();
    }
}
