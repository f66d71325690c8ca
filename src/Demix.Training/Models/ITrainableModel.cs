using Demix.Dsp.Stft;
using Demix.Engine.Nn;
using Demix.Engine.Tensors;
using Demix.Separation.Models;
using Demix.Training.Config;
using Demix.Training.Sampling;

namespace Demix.Training.Models;

/// <summary>
/// A model family as the trainer sees it: the separation model (exported and validated through the same separator
/// as <c>demix separate</c>), the modules whose parameters are optimised, the STFT of the batches and the loss.
/// </summary>
public interface ITrainableModel
{
    /// <summary>The model; its separator reads the live weights, so validation sees the current step.</summary>
    ISeparationModel Model { get; }

    /// <summary>Every module holding trained parameters and buffers (state-dict keys must be unique across them).</summary>
    Module Network { get; }

    /// <summary>The model's rate in Hz.</summary>
    int SampleRate { get; }

    /// <summary>The STFT the batches are computed with.</summary>
    StftConfig Stft { get; }

    /// <summary>The training loss of a batch (a scalar tensor with a graph back to the parameters).</summary>
    Tensor Loss(Batch batch);

    /// <summary>Called once before the first step of a fresh run with a few batches (input statistics).</summary>
    void Initialise(IReadOnlyList<Batch> batches);

    /// <summary>The optimiser(s) and the step of this family (most: <see cref="GradientStep.Create"/>).</summary>
    ITrainingStep CreateStep(OptimizerConfig optimizer);
}

/// <summary>A model shown under another card (the exported best model carries its validation metrics).</summary>
public sealed class RecardedModel(ISeparationModel inner, ModelCard card) : ISeparationModel
{
    /// <inheritdoc />
    public ModelCard Card { get; } = card;

    /// <inheritdoc />
    public IReadOnlyList<string> Stems => inner.Stems;

    /// <inheritdoc />
    public ChunkSettings Chunking => inner.Chunking;

    /// <inheritdoc />
    public IReadOnlyList<Engine.Io.NamedTensorData> ExportWeights() => inner.ExportWeights();

    /// <inheritdoc />
    public Separation.Pipeline.ISeparator CreateSeparator() => inner.CreateSeparator();
}
