using System.Text.Json.Serialization.Metadata;
using Demix.Separation.Models.Seeds;

namespace Demix.Separation.Models.Pix2Pix;

/// <summary>Builds S0 pix2pix models (stems: vocals from the generated image, accompaniment = mixture - vocals).</summary>
public sealed class Pix2PixFamily : SeedFamily<Pix2PixFamily, Pix2PixHyperParameters, Pix2PixNetwork>, ISeedFamily<Pix2PixHyperParameters, Pix2PixNetwork>
{
    /// <summary>The family name in model cards.</summary>
    public const string Name = "pix2pix";

    private Pix2PixFamily()
    {
    }

    /// <inheritdoc />
    public static JsonTypeInfo<Pix2PixHyperParameters> HyperParametersJson => Pix2PixJsonContext.Default.Pix2PixHyperParameters;

    /// <inheritdoc />
    public static Pix2PixNetwork CreateNetwork(Pix2PixHyperParameters hyperParameters, Random random) => new(hyperParameters, random);

    /// <inheritdoc />
    public static ModelCard NewCard(string name, Pix2PixHyperParameters hyperParameters) => Card(Name, name, hyperParameters,
        $"pix2pix spectrogram-image GAN, {hyperParameters.ImageSize}x{hyperParameters.ImageSize}, generator {hyperParameters.GeneratorLevels} levels from {hyperParameters.GeneratorChannels} channels",
        hyperParameters.SampleRate, new StftSettings(hyperParameters.FftSize, hyperParameters.HopSize), [StemNames.Vocals]);

    /// <inheritdoc />
    public static SeedModel Wrap(ModelCard card, Pix2PixNetwork network)
    {
        var hp = network.HyperParameters;
        return new SeedModel(card, network, [StemNames.Vocals, StemNames.Accompaniment], new(hp.ChunkSeconds, hp.OverlapSeconds),
            m => new Pix2PixSeparator(network, m.Card.SampleRate, m.Card.Stft.ToConfig()));
    }
}
