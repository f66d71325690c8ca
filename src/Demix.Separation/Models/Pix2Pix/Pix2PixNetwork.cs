using Demix.Engine.Nn;

namespace Demix.Separation.Models.Pix2Pix;

/// <summary>Both pix2pix networks (children <c>generator</c>, <c>discriminator</c>), saved together so training can resume.</summary>
public sealed class Pix2PixNetwork : Module
{
    /// <summary>Builds both networks with weights from <paramref name="random"/>.</summary>
    public Pix2PixNetwork(Pix2PixHyperParameters hyperParameters, Random random)
    {
        ArgumentNullException.ThrowIfNull(hyperParameters);
        hyperParameters.Validate();
        HyperParameters = hyperParameters;
        Generator = Register("generator", new Pix2PixGenerator(hyperParameters, random));
        Discriminator = Register("discriminator", new PatchDiscriminator(hyperParameters, random));
    }

    /// <summary>The hyper-parameters.</summary>
    public Pix2PixHyperParameters HyperParameters { get; }

    /// <summary>Mixture image to vocal image.</summary>
    public Pix2PixGenerator Generator { get; }

    /// <summary>The PatchGAN.</summary>
    public PatchDiscriminator Discriminator { get; }
}
