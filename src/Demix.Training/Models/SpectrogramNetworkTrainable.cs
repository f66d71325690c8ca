using Demix.Dsp.Stft;
using Demix.Engine.Nn;
using Demix.Engine.Tensors;
using Demix.Separation.Models;
using Demix.Separation.Models.Seeds;
using Demix.Training.Config;
using Demix.Training.Sampling;

namespace Demix.Training.Models;

/// <summary>
/// The one-output spectrogram networks (S1 U-Net, S3 frame transformer): each channel of each example is one
/// image [1, frames, band]; L1 between the masked mixture and the target magnitude (Jansson et al. 2017).
/// Frames are cut to the network's multiple.
/// </summary>
public sealed class SpectrogramNetworkTrainable(SeedModel model, ISpectrogramNetwork network, string target) : ITrainableModel
{
    /// <inheritdoc />
    public ISeparationModel Model { get; } = model;

    /// <inheritdoc />
    public Module Network { get; } = model.Network;

    /// <inheritdoc />
    public int SampleRate { get; } = model.Card.SampleRate;

    /// <inheritdoc />
    public StftConfig Stft { get; } = model.Card.Stft.ToConfig();

    /// <inheritdoc />
    public Tensor Loss(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Tensor estimate = network.EstimateMagnitudes(Image(batch, batch.Mixture))[0];
        return Tensor.L1Loss(estimate, Image(batch, batch.Target(target)));
    }

    /// <inheritdoc />
    public ITrainingStep CreateStep(OptimizerConfig optimizer) => GradientStep.Create(this, optimizer);

    /// <inheritdoc />
    public void Initialise(IReadOnlyList<Batch> batches)
    {
    }

    /// <summary>[S, C, T, F] to [S*C, 1, T', band] with T' the largest multiple of the network's frame multiple.</summary>
    private Tensor Image(Batch batch, float[] values)
    {
        int frames = batch.Frames / network.FrameMultiple * network.FrameMultiple;
        if (frames == 0) throw new InvalidOperationException($"Chunks of {batch.Frames} frames are shorter than the network's multiple {network.FrameMultiple}: raise data.chunkSeconds.");
        return new Tensor([batch.Examples * batch.Channels, 1, batch.Frames, batch.Bins], values)
            .Slice(2, 0, frames).Slice(3, 0, network.BinCount);
    }
}
