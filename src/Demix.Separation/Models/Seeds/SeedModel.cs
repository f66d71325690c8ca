using Demix.Engine.Io;
using Demix.Engine.Nn;
using Demix.Separation.Pipeline;

namespace Demix.Separation.Models.Seeds;

/// <summary>
/// A loaded model of one of the seed families (and Spleeter): its card, its network (a <see cref="Module"/>
/// whose state dict is the weights file) and how to build its separator.
/// </summary>
public sealed class SeedModel : ISeparationModel
{
    private readonly Func<SeedModel, ISeparator> createSeparator;

    /// <summary>Creates the model; <paramref name="createSeparator"/> builds a separator for it on demand.</summary>
    public SeedModel(ModelCard card, Module network, IReadOnlyList<string> stems, ChunkSettings chunking, Func<SeedModel, ISeparator> createSeparator)
    {
        Card = card ?? throw new ArgumentNullException(nameof(card));
        Network = network ?? throw new ArgumentNullException(nameof(network));
        Stems = stems ?? throw new ArgumentNullException(nameof(stems));
        Chunking = chunking ?? throw new ArgumentNullException(nameof(chunking));
        this.createSeparator = createSeparator ?? throw new ArgumentNullException(nameof(createSeparator));
    }

    /// <inheritdoc />
    public ModelCard Card { get; }

    /// <summary>The network, in evaluation mode unless a trainer switched it.</summary>
    public Module Network { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Stems { get; }

    /// <inheritdoc />
    public ChunkSettings Chunking { get; }

    /// <inheritdoc />
    public IReadOnlyList<NamedTensorData> ExportWeights() => Network.ToNamedTensors();

    /// <inheritdoc />
    public ISeparator CreateSeparator() => createSeparator(this);

    /// <summary>
    /// Copies <paramref name="weights"/> into <paramref name="network"/>: every key must be present with its shape and
    /// no extra key may remain (a <see cref="ArgumentException"/> otherwise, which the registry reports with the file).
    /// </summary>
    public static T LoadWeights<T>(T network, NamedTensorSet weights) where T : Module
    {
        ArgumentNullException.ThrowIfNull(network);
        network.LoadStateDict(weights, strict: true);
        network.Eval();
        return network;
    }
}
