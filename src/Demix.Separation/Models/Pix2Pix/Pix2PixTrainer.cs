using Demix.Engine.Optim;
using Demix.Engine.Tensors;

namespace Demix.Separation.Models.Pix2Pix;

/// <summary>
/// One pix2pix training step with both optimisers (Adam, learning rate 2e-4, beta1 0.5 as published):
/// discriminator on (condition, real) labelled 1 and (condition, G(condition) detached) labelled 0, halved;
/// then generator on BCE(D(condition, G(condition)), 1) + lambda |G(condition) - real|_1.
/// </summary>
public sealed class Pix2PixTrainer
{
    private readonly Pix2PixNetwork network;
    private readonly Adam generatorOptimizer, discriminatorOptimizer;

    /// <summary>Creates the optimisers for <paramref name="network"/>'s two halves.</summary>
    public Pix2PixTrainer(Pix2PixNetwork network, float learningRate = 2e-4f, float beta1 = 0.5f)
    {
        this.network = network ?? throw new ArgumentNullException(nameof(network));
        generatorOptimizer = new Adam(network.Generator.Parameters(), learningRate, beta1);
        discriminatorOptimizer = new Adam(network.Discriminator.Parameters(), learningRate, beta1);
    }

    /// <summary>Runs one step of each optimiser; returns the losses (discriminator, adversarial part of G, L1 part of G).</summary>
    /// <param name="condition">Mixture images, [batch, 1, size, size].</param>
    /// <param name="target">Vocal images, [batch, 1, size, size].</param>
    public (float Discriminator, float Adversarial, float L1) Step(Tensor condition, Tensor target)
    {
        network.Train();
        Tensor fake = network.Generator.Forward(condition);

        discriminatorOptimizer.ZeroGrad();
        Tensor realLogits = network.Discriminator.Forward(condition, target);
        Tensor fakeLogits = network.Discriminator.Forward(condition, fake.Detach());
        Tensor discriminatorLoss = (Tensor.BceWithLogitsLoss(realLogits, TensorFactory.Ones(realLogits.Shape))
            + Tensor.BceWithLogitsLoss(fakeLogits, TensorFactory.Zeros(fakeLogits.Shape))) * 0.5f;
        discriminatorLoss.Backward();
        discriminatorOptimizer.Step();

        generatorOptimizer.ZeroGrad();
        Tensor judged = network.Discriminator.Forward(condition, fake);
        Tensor adversarial = Tensor.BceWithLogitsLoss(judged, TensorFactory.Ones(judged.Shape));
        Tensor l1 = Tensor.L1Loss(fake, target);
        (adversarial + l1 * network.HyperParameters.L1Weight).Backward();
        generatorOptimizer.Step();
        network.Discriminator.ZeroGrad();   // the generator step also reached the discriminator's parameters
        return (discriminatorLoss.Item(), adversarial.Item(), l1.Item());
    }
}
