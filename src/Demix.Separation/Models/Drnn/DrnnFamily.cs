using System.Text.Json.Serialization.Metadata;
using Demix.Separation.Models.Seeds;

namespace Demix.Separation.Models.Drnn;

/// <summary>Builds S2 DRNN models: source 1 = vocals, source 2 = accompaniment (the masks sum to one).</summary>
public sealed class DrnnFamily : SeedFamily<DrnnFamily, DrnnHyperParameters, DrnnNetwork>, ISeedFamily<DrnnHyperParameters, DrnnNetwork>
{
    /// <summary>The family name in model cards.</summary>
    public const string Name = "drnn";

    private DrnnFamily()
    {
    }

    /// <inheritdoc />
    public static JsonTypeInfo<DrnnHyperParameters> HyperParametersJson => DrnnJsonContext.Default.DrnnHyperParameters;

    /// <inheritdoc />
    public static DrnnNetwork CreateNetwork(DrnnHyperParameters hyperParameters, Random random) => new(hyperParameters, random);

    /// <inheritdoc />
    public static ModelCard NewCard(string name, DrnnHyperParameters hyperParameters) => Card(Name, name, hyperParameters,
        $"DRNN (Huang et al. 2014/2015), {hyperParameters.LayerCount} GRU layers x {hyperParameters.HiddenSize}, joint masking",
        hyperParameters.SampleRate, new StftSettings(hyperParameters.FftSize, hyperParameters.HopSize), [StemNames.Vocals, StemNames.Accompaniment]);

    /// <inheritdoc />
    public static SeedModel Wrap(ModelCard card, DrnnNetwork network)
    {
        var hp = network.HyperParameters;
        string[] stems = [StemNames.Vocals, StemNames.Accompaniment];
        return new SeedModel(card, network, stems, new(hp.ChunkSeconds, hp.OverlapSeconds),
            m => new MagnitudeSeparator(new SpectrogramEstimator(network, stems), m.Card.SampleRate, m.Card.Stft.ToConfig(), maskPower: 1f));
    }
}
