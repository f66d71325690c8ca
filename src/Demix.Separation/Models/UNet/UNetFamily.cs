using System.Text.Json.Serialization.Metadata;
using Demix.Separation.Models.Seeds;

namespace Demix.Separation.Models.UNet;

/// <summary>Builds S1 U-Net models (stems: vocals, then accompaniment as the residual mask 1 - m).</summary>
public sealed class UNetFamily : SeedFamily<UNetFamily, UNetHyperParameters, VocalUNet>, ISeedFamily<UNetHyperParameters, VocalUNet>
{
    /// <summary>The family name in model cards.</summary>
    public const string Name = "unet";

    private UNetFamily()
    {
    }

    /// <inheritdoc />
    public static JsonTypeInfo<UNetHyperParameters> HyperParametersJson => UNetJsonContext.Default.UNetHyperParameters;

    /// <inheritdoc />
    public static VocalUNet CreateNetwork(UNetHyperParameters hyperParameters, Random random) => new(hyperParameters, random);

    /// <inheritdoc />
    public static ModelCard NewCard(string name, UNetHyperParameters hyperParameters) => Card(Name, name, hyperParameters,
        $"U-Net vocal extractor (Jansson et al. 2017), {hyperParameters.Levels} levels from {hyperParameters.BaseChannels} channels",
        hyperParameters.SampleRate, new StftSettings(hyperParameters.FftSize, hyperParameters.HopSize), [StemNames.Vocals]);

    /// <inheritdoc />
    public static SeedModel Wrap(ModelCard card, VocalUNet network)
    {
        var hp = network.HyperParameters;
        return new SeedModel(card, network, [StemNames.Vocals, StemNames.Accompaniment], new(hp.ChunkSeconds, hp.OverlapSeconds),
            m => new MagnitudeSeparator(new SpectrogramEstimator(network, [StemNames.Vocals]), m.Card.SampleRate, m.Card.Stft.ToConfig(),
                residualStem: StemNames.Accompaniment));
    }
}
