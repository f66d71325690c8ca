using Demix.Engine.Io;
using Demix.Separation.Pipeline;

namespace Demix.Separation.Models;

/// <summary>A model with a replaced card (provenance, description, licence); weights and separator are the inner model's.</summary>
internal sealed class RecardedModel(ISeparationModel inner, ModelCard card) : ISeparationModel
{
    public ModelCard Card { get; } = card;

    public IReadOnlyList<string> Stems => inner.Stems;

    public ChunkSettings Chunking => inner.Chunking;

    public IReadOnlyList<NamedTensorData> ExportWeights() => inner.ExportWeights();

    public ISeparator CreateSeparator() => inner.CreateSeparator();
}
