using System.Text.Json.Serialization.Metadata;
using Demix.Separation.Models.Seeds;

namespace Demix.Separation.Models.KaraokeCnn;

/// <summary>Builds S4 karaoke CNN models (stems: vocals = the prediction, accompaniment = the karaoke track).</summary>
public sealed class KaraokeCnnFamily : SeedFamily<KaraokeCnnFamily, KaraokeCnnHyperParameters, VoiceDetectorCnn>, ISeedFamily<KaraokeCnnHyperParameters, VoiceDetectorCnn>
{
    /// <summary>The family name in model cards.</summary>
    public const string Name = "karaoke-cnn";

    private KaraokeCnnFamily()
    {
    }

    /// <inheritdoc />
    public static JsonTypeInfo<KaraokeCnnHyperParameters> HyperParametersJson => KaraokeCnnJsonContext.Default.KaraokeCnnHyperParameters;

    /// <inheritdoc />
    public static VoiceDetectorCnn CreateNetwork(KaraokeCnnHyperParameters hyperParameters, Random random) => new(hyperParameters, random);

    /// <inheritdoc />
    public static ModelCard NewCard(string name, KaraokeCnnHyperParameters hyperParameters) => Card(Name, name, hyperParameters,
        $"Karaoke CNN voice detector, {hyperParameters.LayerCount} layers x {hyperParameters.Channels}, karaoke by {hyperParameters.Mode}",
        hyperParameters.SampleRate, new StftSettings(hyperParameters.FftSize, hyperParameters.HopSize), [StemNames.Vocals]);

    /// <inheritdoc />
    public static SeedModel Wrap(ModelCard card, VoiceDetectorCnn network)
    {
        var hp = network.HyperParameters;
        return new SeedModel(card, network, [StemNames.Vocals, StemNames.Accompaniment], new(hp.ChunkSeconds, hp.OverlapSeconds),
            m => new KaraokeSeparator(new SpectrogramEstimator(network, [StemNames.Vocals]), m.Card.SampleRate, m.Card.Stft.ToConfig(), hp.Mode));
    }
}
