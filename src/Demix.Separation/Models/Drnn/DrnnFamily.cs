using Demix.Engine.Io;
using Demix.Separation.Models.Seeds;

namespace Demix.Separation.Models.Drnn;

/// <summary>Builds S2 DRNN models: source 1 = vocals, source 2 = accompaniment (the masks sum to one).</summary>
public static class DrnnFamily
{
    /// <summary>The family name in model cards.</summary>
    public const string Name = "drnn";

    /// <summary>The loader registered in <see cref="ModelFamilies"/>.</summary>
    public static ISeparationModel Load(ModelCard card, NamedTensorSet weights)
    {
        ArgumentNullException.ThrowIfNull(card);
        var hyperParameters = ModelCardJson.FromElement(card, DrnnJsonContext.Default.DrnnHyperParameters);
        return Wrap(card, SeedModel.LoadWeights(new DrnnNetwork(hyperParameters, new Random(0)), weights));
    }

    /// <summary>A model with random weights from <paramref name="random"/>.</summary>
    public static SeedModel Create(string name, DrnnHyperParameters hyperParameters, Random random)
    {
        var network = new DrnnNetwork(hyperParameters, random);
        network.Eval();
        return Wrap(NewCard(name, hyperParameters), network);
    }

    /// <summary>A card for <paramref name="hyperParameters"/>.</summary>
    public static ModelCard NewCard(string name, DrnnHyperParameters hyperParameters) => new()
    {
        Name = name,
        Family = Name,
        Description = $"DRNN (Huang et al. 2014/2015), {hyperParameters.LayerCount} GRU layers x {hyperParameters.HiddenSize}, joint masking",
        SampleRate = hyperParameters.SampleRate,
        Stft = new StftSettings(hyperParameters.FftSize, hyperParameters.HopSize),
        Targets = [StemNames.Vocals, StemNames.Accompaniment],
        HyperParameters = ModelCardJson.ToElement(hyperParameters, DrnnJsonContext.Default.DrnnHyperParameters),
    };

    private static SeedModel Wrap(ModelCard card, DrnnNetwork network)
    {
        var hp = network.HyperParameters;
        string[] stems = [StemNames.Vocals, StemNames.Accompaniment];
        return new SeedModel(card, network, stems, new(hp.ChunkSeconds, hp.OverlapSeconds),
            m => new MagnitudeSeparator(new SpectrogramEstimator(network, stems), m.Card.SampleRate, m.Card.Stft.ToConfig(), maskPower: 1f));
    }
}
