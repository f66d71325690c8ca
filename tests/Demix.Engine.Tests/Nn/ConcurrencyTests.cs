using Demix.Engine.Autograd;
using Demix.Engine.Nn;
using Demix.Engine.Tensors;

namespace Demix.Engine.Tests.Nn;

public sealed class ConcurrencyTests
{
    [Fact]
    public void ConcurrentInference_GivesTheSameResultsAsSequential()
    {
        var random = new Random(1);
        var model = new Sequential(
            new Conv2d(2, 8, 5, random, ConvOptions.TfSame(stride: 2)), new BatchNorm2d(8), new Activation(t => t.LeakyRelu(0.2f)),
            new ConvTranspose2d(8, 2, 5, random, ConvOptions.TfSame(stride: 2)), new Activation(t => t.Sigmoid()));
        model.Eval();
        var inputs = Enumerable.Range(0, 8).Select(i => TensorFactory.Uniform(new Random(10 + i), [1, 2, 64, 48])).ToArray();
        float[][] sequential;
        using (new NoGradScope()) sequential = inputs.Select(x => model.Forward(x).Data).ToArray();
        var concurrent = new float[inputs.Length][];
        Parallel.For(0, inputs.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            using var noGrad = new NoGradScope();
            concurrent[i] = model.Forward(inputs[i]).Data;
        });
        for (int i = 0; i < inputs.Length; i++) Assert.Equal(sequential[i], concurrent[i]);
        Assert.True(GradMode.IsEnabled);
    }
}
