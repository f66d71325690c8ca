using Demix.Engine.Optim;
using Demix.Engine.Tensors;
using Demix.Separation.Models.OpenUnmix;

namespace Demix.Separation.Tests.Models;

/// <summary>The network trains as it is: gradients reach every parameter and Adam steps lower the loss.</summary>
public sealed class OpenUnmixTrainingTests
{
    [Fact]
    public void TrainMode_MseLoss_GradientsReachEveryParameter_AndAdamLowersTheLoss()
    {
        var hyperParameters = new OpenUnmixHyperParameters { BinCount = 65, MaxBin = 40, HiddenSize = 8, LayerCount = 2 };
        var network = new OpenUnmixNetwork(hyperParameters, new Random(1));
        network.Train();
        var random = new Random(2);
        Tensor mixture = TensorFactory.Uniform(random, [12, 3, 2, 65], 0f, 1f);       // [T, S, C, F]
        Tensor target = mixture * TensorFactory.Uniform(random, [12, 3, 2, 65], 0f, 1f);
        var optimizer = new Adam(network.Parameters(), 1e-2f);

        float first = 0, last = 0;
        for (int step = 0; step < 30; step++)
        {
            optimizer.ZeroGrad();
            Tensor loss = Tensor.MseLoss(network.Forward(mixture), target);
            loss.Backward();
            if (step == 0)
            {
                first = loss.Item();
                foreach (var (name, parameter) in network.NamedParameters())
                {
                    Assert.True(parameter.Grad is not null && parameter.Grad.Any(g => g != 0) && parameter.Grad.All(float.IsFinite), $"{name}: no gradient");
                }
            }
            last = loss.Item();
            optimizer.Step();
        }

        Console.WriteLine($"MSE {first:E3} -> {last:E3} after 30 Adam steps");
        Assert.True(last < 0.5f * first, $"loss {first} -> {last}");
    }
}
