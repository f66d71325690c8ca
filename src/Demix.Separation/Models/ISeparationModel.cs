using Demix.Engine.Io;
using Demix.Separation.Pipeline;

namespace Demix.Separation.Models;

/// <summary>
/// A loaded model of any family: its card, its weights as a PyTorch-style state dict, and a whole-buffer
/// <see cref="ISeparator"/> (waveform -> stems) that the pipeline chunks for long inputs.
/// </summary>
public interface ISeparationModel
{
    /// <summary>The card: family, hyper-parameters, rate, STFT, targets, provenance.</summary>
    ModelCard Card { get; }

    /// <summary>Stem names the separator writes, in order (targets, then e.g. <c>accompaniment</c> for a residual).</summary>
    IReadOnlyList<string> Stems { get; }

    /// <summary>Every parameter and buffer as named float32 arrays (copies), keys as in PyTorch's state_dict.</summary>
    IReadOnlyList<NamedTensorData> ExportWeights();

    /// <summary>A separator for whole buffers at <see cref="ModelCard.SampleRate"/>.</summary>
    ISeparator CreateSeparator();

    /// <summary>How long inputs are cut: chunk and cross-faded overlap in seconds (see the family's README section).</summary>
    ChunkSettings Chunking { get; }
}

/// <summary>Chunk length and overlap of a model's long-input processing, in seconds.</summary>
/// <param name="ChunkSeconds">Audio separated at once; bounds memory.</param>
/// <param name="OverlapSeconds">Context shared by consecutive chunks and cross-faded (sin^2/cos^2).</param>
public sealed record ChunkSettings(double ChunkSeconds, double OverlapSeconds);
