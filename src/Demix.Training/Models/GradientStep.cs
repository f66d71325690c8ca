using Demix.Engine.Optim;
using Demix.Engine.Tensors;
using Demix.Training.Config;
using Demix.Training.Sampling;

namespace Demix.Training.Models;

/// <summary>
/// The step of a one-network family: loss, backward, clipping to the global norm, one Adam/AdamW update.
/// Its optimiser is checkpointed under <c>optimizer.</c>.
/// </summary>
public sealed class GradientStep(ITrainableModel model, Optimizer optimizer, float clipNorm) : ITrainingStep
{
    /// <summary>The checkpoint prefix of the optimiser.</summary>
    public const string Prefix = "optimizer.";

    /// <inheritdoc />
    public IReadOnlyList<NamedOptimizer> Optimizers { get; } = [new(Prefix, optimizer)];

    /// <summary>The step for <paramref name="model"/>'s parameters with the optimiser <paramref name="config"/> names.</summary>
    public static GradientStep Create(ITrainableModel model, OptimizerConfig config)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(config);
        return new GradientStep(model, CreateOptimizer(config, model.Network.Parameters()), config.GradientClipNorm);
    }

    /// <summary>Adam or AdamW over <paramref name="parameters"/> with the config's rate, betas and weight decay.</summary>
    public static Optimizer CreateOptimizer(OptimizerConfig config, IEnumerable<Tensor> parameters)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Kind == "adamw"
            ? new AdamW(parameters, config.LearningRate, config.Beta1, config.Beta2, weightDecay: config.WeightDecay)
            : new Adam(parameters, config.LearningRate, config.Beta1, config.Beta2, weightDecay: config.WeightDecay);
    }

    /// <inheritdoc />
    public double Run(Batch batch, float learningRate, Action<StepPhase> lap)
    {
        ArgumentNullException.ThrowIfNull(lap);
        optimizer.LearningRate = learningRate;
        Tensor loss = model.Loss(batch);
        float value = loss.Item();
        lap(StepPhase.Forward);
        optimizer.ZeroGrad();
        loss.Backward();
        lap(StepPhase.Backward);
        if (clipNorm > 0) GradientClipping.ClipByGlobalNorm(optimizer.Parameters, clipNorm);
        optimizer.Step();
        lap(StepPhase.Optimizer);
        return value;
    }
}
