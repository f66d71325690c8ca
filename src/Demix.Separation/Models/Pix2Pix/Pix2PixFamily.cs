using Demix.Engine.Io;
using Demix.Separation.Models.Seeds;

namespace Demix.Separation.Models.Pix2Pix;

/// <summary>Builds S0 pix2pix models (stems: vocals from the generated image, accompaniment = mixture - vocals).</summary>
public static class Pix2PixFamily
{
    /// <summary>The family name in model cards.</summary>
    public const string Name = "pix2pix";

    /// <summary>The loader registered in <see cref="ModelFamilies"/>.</summary>
    public static ISeparationModel Load(ModelCard card, NamedTensorSet weights)
    {
        ArgumentNullException.ThrowIfNull(card);
        var hyperParameters = ModelCardJson.FromElement(card, Pix2PixJsonContext.Default.Pix2PixHyperParameters);
        return Wrap(card, SeedModel.LoadWeights(new Pix2PixNetwork(hyperParameters, new Random(0)), weights));
    }

    /// <summary>A model with random weights from <paramref name="random"/>.</summary>
    public static SeedModel Create(string name, Pix2PixHyperParameters hyperParameters, Random random)
    {
        var network = new Pix2PixNetwork(hyperParameters, random);
        network.Eval();
        return Wrap(NewCard(name, hyperParameters), network);
    }

    /// <summary>A card for <paramref name="hyperParameters"/>.</summary>
    public static ModelCard NewCard(string name, Pix2PixHyperParameters hyperParameters) => new()
    {
        Name = name,
        Family = Name,
        Description = $"pix2pix spectrogram-image GAN, {hyperParameters.ImageSize}x{hyperParameters.ImageSize}, generator {hyperParameters.GeneratorLevels} levels from {hyperParameters.GeneratorChannels} channels",
        SampleRate = hyperParameters.SampleRate,
        Stft = new StftSettings(hyperParameters.FftSize, hyperParameters.HopSize),
        Targets = [StemNames.Vocals],
        HyperParameters = ModelCardJson.ToElement(hyperParameters, Pix2PixJsonContext.Default.Pix2PixHyperParameters),
    };

    private static SeedModel Wrap(ModelCard card, Pix2PixNetwork network)
    {
        var hp = network.HyperParameters;
        return new SeedModel(card, network, [StemNames.Vocals, StemNames.Accompaniment], new(hp.ChunkSeconds, hp.OverlapSeconds),
            m => new Pix2PixSeparator(network, m.Card.SampleRate, m.Card.Stft.ToConfig()));
    }
}
