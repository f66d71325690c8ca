using Demix.Engine.Io;
using Demix.Separation.Models.Seeds;

namespace Demix.Separation.Models.UNet;

/// <summary>Builds S1 U-Net models (stems: vocals, then accompaniment as the residual mask 1 - m).</summary>
public static class UNetFamily
{
    /// <summary>The family name in model cards.</summary>
    public const string Name = "unet";

    /// <summary>The loader registered in <see cref="ModelFamilies"/>.</summary>
    public static ISeparationModel Load(ModelCard card, NamedTensorSet weights)
    {
        ArgumentNullException.ThrowIfNull(card);
        var hyperParameters = ModelCardJson.FromElement(card, UNetJsonContext.Default.UNetHyperParameters);
        return Wrap(card, SeedModel.LoadWeights(new VocalUNet(hyperParameters, new Random(0)), weights));
    }

    /// <summary>A model with random weights from <paramref name="random"/>.</summary>
    public static SeedModel Create(string name, UNetHyperParameters hyperParameters, Random random)
    {
        var network = new VocalUNet(hyperParameters, random);
        network.Eval();
        return Wrap(NewCard(name, hyperParameters), network);
    }

    /// <summary>A card for <paramref name="hyperParameters"/>.</summary>
    public static ModelCard NewCard(string name, UNetHyperParameters hyperParameters) => new()
    {
        Name = name,
        Family = Name,
        Description = $"U-Net vocal extractor (Jansson et al. 2017), {hyperParameters.Levels} levels from {hyperParameters.BaseChannels} channels",
        SampleRate = hyperParameters.SampleRate,
        Stft = new StftSettings(hyperParameters.FftSize, hyperParameters.HopSize),
        Targets = [StemNames.Vocals],
        HyperParameters = ModelCardJson.ToElement(hyperParameters, UNetJsonContext.Default.UNetHyperParameters),
    };

    private static SeedModel Wrap(ModelCard card, VocalUNet network)
    {
        var hp = network.HyperParameters;
        return new SeedModel(card, network, [StemNames.Vocals, StemNames.Accompaniment], new(hp.ChunkSeconds, hp.OverlapSeconds),
            m => new MagnitudeSeparator(new SpectrogramEstimator(network, [StemNames.Vocals]), m.Card.SampleRate, m.Card.Stft.ToConfig(),
                residualStem: StemNames.Accompaniment));
    }
}
