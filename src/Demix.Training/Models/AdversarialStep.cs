using Demix.Engine.Optim;
using Demix.Engine.Tensors;
using Demix.Separation.Models.Pix2Pix;
using Demix.Training.Config;
using Demix.Training.Sampling;

namespace Demix.Training.Models;

/// <summary>
/// pix2pix's step with two Adam optimisers (published: rate 2e-4, beta1 0.5, lambda 100; here from the config):
/// the discriminator on (mixture, real vocals) labelled 1 and (mixture, G(mixture) detached) labelled 0, halved; then
/// the generator on BCE(D(mixture, G(mixture)), 1) + lambda |G(mixture) - vocals|_1. Checkpoint prefixes
/// <c>optimizer.generator.</c> and <c>optimizer.discriminator.</c>. Logs the L1 term (the validation loss's measure).
/// </summary>
public sealed class AdversarialStep : ITrainingStep
{
    /// <summary>Checkpoint prefix of the generator's optimiser.</summary>
    public const string GeneratorPrefix = "optimizer.generator.";

    /// <summary>Checkpoint prefix of the discriminator's optimiser.</summary>
    public const string DiscriminatorPrefix = "optimizer.discriminator.";

    private readonly Pix2PixTrainable model;
    private readonly Optimizer generator, discriminator;
    private readonly float clipNorm;

    /// <summary>Both optimisers over their network's parameters.</summary>
    public AdversarialStep(Pix2PixTrainable model, OptimizerConfig config)
    {
        this.model = model ?? throw new ArgumentNullException(nameof(model));
        ArgumentNullException.ThrowIfNull(config);
        generator = GradientStep.CreateOptimizer(config, model.Networks.Generator.Parameters());
        discriminator = GradientStep.CreateOptimizer(config, model.Networks.Discriminator.Parameters());
        clipNorm = config.GradientClipNorm;
        Optimizers = [new(GeneratorPrefix, generator), new(DiscriminatorPrefix, discriminator)];
    }

    /// <inheritdoc />
    public IReadOnlyList<NamedOptimizer> Optimizers { get; }

    /// <summary>The discriminator's loss of the last step (BCE, real and fake halves averaged).</summary>
    public double DiscriminatorLoss { get; private set; } = double.NaN;

    /// <summary>The generator's adversarial term of the last step (BCE against "real").</summary>
    public double AdversarialLoss { get; private set; } = double.NaN;

    /// <inheritdoc />
    public double Run(Batch batch, float learningRate, Action<StepPhase> lap)
    {
        ArgumentNullException.ThrowIfNull(lap);
        Pix2PixNetwork networks = model.Networks;
        generator.LearningRate = discriminator.LearningRate = learningRate;
        (Tensor condition, Tensor target) = model.Images(batch);
        Tensor fake = networks.Generator.Forward(condition);
        Tensor realLogits = networks.Discriminator.Forward(condition, target);
        Tensor fakeLogits = networks.Discriminator.Forward(condition, fake.Detach());
        Tensor discriminatorLoss = (Tensor.BceWithLogitsLoss(realLogits, TensorFactory.Ones(realLogits.Shape))
            + Tensor.BceWithLogitsLoss(fakeLogits, TensorFactory.Zeros(fakeLogits.Shape))) * 0.5f;
        lap(StepPhase.Forward);
        discriminator.ZeroGrad();
        discriminatorLoss.Backward();
        lap(StepPhase.Backward);
        Update(discriminator);
        lap(StepPhase.Optimizer);

        Tensor judged = networks.Discriminator.Forward(condition, fake);
        Tensor adversarial = Tensor.BceWithLogitsLoss(judged, TensorFactory.Ones(judged.Shape));
        Tensor l1 = Tensor.L1Loss(fake, target);
        Tensor generatorLoss = adversarial + l1 * networks.HyperParameters.L1Weight;
        lap(StepPhase.Forward);
        generator.ZeroGrad();
        generatorLoss.Backward();
        lap(StepPhase.Backward);
        Update(generator);
        discriminator.ZeroGrad();   // the generator's backward also reached the discriminator's parameters
        lap(StepPhase.Optimizer);
        DiscriminatorLoss = discriminatorLoss.Item();
        AdversarialLoss = adversarial.Item();
        return l1.Item();
    }

    private void Update(Optimizer optimizer)
    {
        if (clipNorm > 0) GradientClipping.ClipByGlobalNorm(optimizer.Parameters, clipNorm);
        optimizer.Step();
    }
}
