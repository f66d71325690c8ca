using Demix.Engine.Io;
using Demix.Separation.Models.Seeds;

namespace Demix.Separation.Models.FrameTransformer;

/// <summary>Builds S3 frame-transformer models (stems: accompaniment = the predicted instrumental, vocals = the residual).</summary>
public static class FrameTransformerFamily
{
    /// <summary>The family name in model cards.</summary>
    public const string Name = "frame-transformer";

    /// <summary>The loader registered in <see cref="ModelFamilies"/>.</summary>
    public static ISeparationModel Load(ModelCard card, NamedTensorSet weights)
    {
        ArgumentNullException.ThrowIfNull(card);
        var hyperParameters = ModelCardJson.FromElement(card, FrameTransformerJsonContext.Default.FrameTransformerHyperParameters);
        return Wrap(card, SeedModel.LoadWeights(new FrameTransformerNetwork(hyperParameters, new Random(0)), weights));
    }

    /// <summary>A model with random weights from <paramref name="random"/>.</summary>
    public static SeedModel Create(string name, FrameTransformerHyperParameters hyperParameters, Random random)
    {
        var network = new FrameTransformerNetwork(hyperParameters, random);
        network.Eval();
        return Wrap(NewCard(name, hyperParameters), network);
    }

    /// <summary>A card for <paramref name="hyperParameters"/>.</summary>
    public static ModelCard NewCard(string name, FrameTransformerHyperParameters hyperParameters) => new()
    {
        Name = name,
        Family = Name,
        Description = $"Frame-conv transformer vocal remover, {hyperParameters.Levels} levels, {hyperParameters.BlockCount} blocks of width {hyperParameters.ModelWidth}",
        SampleRate = hyperParameters.SampleRate,
        Stft = new StftSettings(hyperParameters.FftSize, hyperParameters.HopSize),
        Targets = [StemNames.Accompaniment],
        HyperParameters = ModelCardJson.ToElement(hyperParameters, FrameTransformerJsonContext.Default.FrameTransformerHyperParameters),
    };

    private static SeedModel Wrap(ModelCard card, FrameTransformerNetwork network)
    {
        var hp = network.HyperParameters;
        return new SeedModel(card, network, [StemNames.Accompaniment, StemNames.Vocals], new(hp.ChunkSeconds, hp.OverlapSeconds),
            m => new MagnitudeSeparator(new SpectrogramEstimator(network, [StemNames.Accompaniment]), m.Card.SampleRate, m.Card.Stft.ToConfig(),
                residualStem: StemNames.Vocals));
    }
}
