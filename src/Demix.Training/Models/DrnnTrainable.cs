using Demix.Dsp.Stft;
using Demix.Engine.Nn;
using Demix.Engine.Tensors;
using Demix.Separation.Models;
using Demix.Separation.Models.Drnn;
using Demix.Separation.Models.Seeds;
using Demix.Training.Config;
using Demix.Training.Sampling;

namespace Demix.Training.Models;

/// <summary>
/// S2 DRNN (Huang et al. 2014/2015): each channel is one sequence [frames, bins]; the joint masking layer gives
/// vocals and accompaniment, trained with the discriminative objective (MSE to the own source minus gamma times
/// MSE to the other).
/// </summary>
public sealed class DrnnTrainable(SeedModel model) : ITrainableModel
{
    private readonly DrnnNetwork network = (DrnnNetwork)model.Network;

    /// <inheritdoc />
    public ISeparationModel Model { get; } = model;

    /// <inheritdoc />
    public Module Network => network;

    /// <inheritdoc />
    public int SampleRate { get; } = model.Card.SampleRate;

    /// <inheritdoc />
    public StftConfig Stft { get; } = model.Card.Stft.ToConfig();

    /// <inheritdoc />
    public Tensor Loss(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var (vocals, accompaniment) = network.Forward(Sequences(batch, batch.Mixture));
        return DiscriminativeLoss.Compute(vocals, accompaniment, Sequences(batch, batch.Vocals), Sequences(batch, batch.Accompaniment),
            network.HyperParameters.Gamma);
    }

    /// <inheritdoc />
    public ITrainingStep CreateStep(OptimizerConfig optimizer) => GradientStep.Create(this, optimizer);

    /// <inheritdoc />
    public void Initialise(IReadOnlyList<Batch> batches)
    {
    }

    /// <summary>[S, C, T, F] as [S*C, T, F].</summary>
    private static Tensor Sequences(Batch batch, float[] values) =>
        new([batch.Examples * batch.Channels, batch.Frames, batch.Bins], values);
}
