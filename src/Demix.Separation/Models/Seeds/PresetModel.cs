using Demix.Engine.Io;
using Demix.Separation.Pipeline;

namespace Demix.Separation.Models.Seeds;

/// <summary>A model seen through a preset: its stems renamed and, for S2's convention, separated in mono with the mono mixture added.</summary>
public sealed class PresetModel(ISeparationModel inner, IReadOnlyList<string> stems, bool monoMixture) : ISeparationModel
{
    /// <inheritdoc />
    public ModelCard Card => inner.Card;

    /// <inheritdoc />
    public IReadOnlyList<string> Stems { get; } = stems;

    /// <inheritdoc />
    public ChunkSettings Chunking => inner.Chunking;

    /// <inheritdoc />
    public IReadOnlyList<NamedTensorData> ExportWeights() => inner.ExportWeights();

    /// <inheritdoc />
    public ISeparator CreateSeparator() => new PresetSeparator(inner.CreateSeparator(), Stems, monoMixture);
}
