using System.Text.Json.Serialization.Metadata;
using Demix.Separation.Models.Seeds;

namespace Demix.Separation.Models.FrameTransformer;

/// <summary>Builds S3 frame-transformer models (stems: accompaniment = the predicted instrumental, vocals = the residual).</summary>
public sealed class FrameTransformerFamily : SeedFamily<FrameTransformerFamily, FrameTransformerHyperParameters, FrameTransformerNetwork>, ISeedFamily<FrameTransformerHyperParameters, FrameTransformerNetwork>
{
    /// <summary>The family name in model cards.</summary>
    public const string Name = "frame-transformer";

    private FrameTransformerFamily()
    {
    }

    /// <inheritdoc />
    public static JsonTypeInfo<FrameTransformerHyperParameters> HyperParametersJson => FrameTransformerJsonContext.Default.FrameTransformerHyperParameters;

    /// <inheritdoc />
    public static FrameTransformerNetwork CreateNetwork(FrameTransformerHyperParameters hyperParameters, Random random) => new(hyperParameters, random);

    /// <inheritdoc />
    public static ModelCard NewCard(string name, FrameTransformerHyperParameters hyperParameters) => Card(Name, name, hyperParameters,
        $"Frame-conv transformer vocal remover, {hyperParameters.Levels} levels, {hyperParameters.BlockCount} blocks of width {hyperParameters.ModelWidth}",
        hyperParameters.SampleRate, new StftSettings(hyperParameters.FftSize, hyperParameters.HopSize), [StemNames.Accompaniment]);

    /// <inheritdoc />
    public static SeedModel Wrap(ModelCard card, FrameTransformerNetwork network)
    {
        var hp = network.HyperParameters;
        return new SeedModel(card, network, [StemNames.Accompaniment, StemNames.Vocals], new(hp.ChunkSeconds, hp.OverlapSeconds),
            m => new MagnitudeSeparator(new SpectrogramEstimator(network, [StemNames.Accompaniment]), m.Card.SampleRate, m.Card.Stft.ToConfig(),
                residualStem: StemNames.Vocals));
    }
}
