using Demix.Engine.Io;
using Demix.Separation.Models.Seeds;

namespace Demix.Separation.Models.KaraokeCnn;

/// <summary>Builds S4 karaoke CNN models (stems: vocals = the prediction, accompaniment = the karaoke track).</summary>
public static class KaraokeCnnFamily
{
    /// <summary>The family name in model cards.</summary>
    public const string Name = "karaoke-cnn";

    /// <summary>The loader registered in <see cref="ModelFamilies"/>.</summary>
    public static ISeparationModel Load(ModelCard card, NamedTensorSet weights)
    {
        ArgumentNullException.ThrowIfNull(card);
        var hyperParameters = ModelCardJson.FromElement(card, KaraokeCnnJsonContext.Default.KaraokeCnnHyperParameters);
        return Wrap(card, SeedModel.LoadWeights(new VoiceDetectorCnn(hyperParameters, new Random(0)), weights));
    }

    /// <summary>A model with random weights from <paramref name="random"/>.</summary>
    public static SeedModel Create(string name, KaraokeCnnHyperParameters hyperParameters, Random random)
    {
        var network = new VoiceDetectorCnn(hyperParameters, random);
        network.Eval();
        return Wrap(NewCard(name, hyperParameters), network);
    }

    /// <summary>A card for <paramref name="hyperParameters"/>.</summary>
    public static ModelCard NewCard(string name, KaraokeCnnHyperParameters hyperParameters) => new()
    {
        Name = name,
        Family = Name,
        Description = $"Karaoke CNN voice detector, {hyperParameters.LayerCount} layers x {hyperParameters.Channels}, karaoke by {hyperParameters.Mode}",
        SampleRate = hyperParameters.SampleRate,
        Stft = new StftSettings(hyperParameters.FftSize, hyperParameters.HopSize),
        Targets = [StemNames.Vocals],
        HyperParameters = ModelCardJson.ToElement(hyperParameters, KaraokeCnnJsonContext.Default.KaraokeCnnHyperParameters),
    };

    private static SeedModel Wrap(ModelCard card, VoiceDetectorCnn network)
    {
        var hp = network.HyperParameters;
        return new SeedModel(card, network, [StemNames.Vocals, StemNames.Accompaniment], new(hp.ChunkSeconds, hp.OverlapSeconds),
            m => new KaraokeSeparator(new SpectrogramEstimator(network, [StemNames.Vocals]), m.Card.SampleRate, m.Card.Stft.ToConfig(), hp.Mode));
    }
}
