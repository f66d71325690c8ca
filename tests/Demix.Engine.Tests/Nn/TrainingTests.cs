using Demix.Engine.Nn;
using Demix.Engine.Optim;
using Demix.Engine.Tensors;

namespace Demix.Engine.Tests.Nn;

public sealed class TrainingTests
{
    [Fact]
    public void Mlp_LearnsTwoMoons()
    {
        var random = new Random(42);
        var (x, y) = TwoMoons(random, 200);
        var model = new Sequential(new Linear(2, 32, random), new Activation(t => t.Tanh()), new Linear(32, 32, random),
            new Activation(t => t.Relu()), new Linear(32, 1, random));
        var optimizer = new Adam(model.Parameters(), 0.01f);
        float firstLoss = 0f, loss = 0f;
        for (int step = 0; step < 300; step++)
        {
            optimizer.ZeroGrad();
            var l = Tensor.BceWithLogitsLoss(model.Forward(x), y);
            l.Backward();
            optimizer.Step();
            loss = l.Item();
            if (step == 0) firstLoss = loss;
        }
        var logits = model.Forward(x);
        int correct = Enumerable.Range(0, y.Length).Count(i => (logits.Data[i] > 0) == (y.Data[i] > 0.5f));
        Assert.True(loss < 0.1f * firstLoss, $"loss {firstLoss} -> {loss}");
        Assert.True(correct >= 0.97 * y.Length, $"accuracy {correct}/{y.Length}");
    }

    [Fact]
    public void ConvNet_WithBatchNorm_FitsASmallBatch()
    {
        var random = new Random(3);
        var model = new Sequential(
            new Conv2d(1, 4, 3, random, ConvOptions.TfSame(stride: 2)), new BatchNorm2d(4), new Activation(t => t.LeakyRelu(0.2f)),
            new ConvTranspose2d(4, 1, 3, random, ConvOptions.TfSame(stride: 2)), new Activation(t => t.Sigmoid()));
        var x = TensorFactory.Uniform(random, [4, 1, 8, 8]);
        var target = x.Clamp(0.2f, 0.8f);
        var optimizer = new Adam(model.Parameters(), 0.02f);
        float first = 0f, last = 0f;
        for (int step = 0; step < 200; step++)
        {
            optimizer.ZeroGrad();
            var loss = Tensor.MseLoss(model.Forward(x), target);
            loss.Backward();
            GradientClipping.ClipByGlobalNorm(model.Parameters(), 1.0);
            optimizer.Step();
            if (step == 0) first = loss.Item();
            last = loss.Item();
        }
        Assert.True(last < 0.1f * first, $"loss {first} -> {last}");
    }

    /// <summary>Two interleaved half circles with noise; labels 0 and 1. x: [n, 2], y: [n, 1].</summary>
    private static (Tensor X, Tensor Y) TwoMoons(Random random, int count)
    {
        var x = new Tensor(count, 2);
        var y = new Tensor(count, 1);
        for (int i = 0; i < count; i++)
        {
            bool upper = i % 2 == 0;
            double angle = Math.PI * random.NextDouble();
            x[i, 0] = (float)(upper ? Math.Cos(angle) : 1 - Math.Cos(angle)) + 0.1f * (float)(random.NextDouble() - 0.5);
            x[i, 1] = (float)(upper ? Math.Sin(angle) : 0.5 - Math.Sin(angle)) + 0.1f * (float)(random.NextDouble() - 0.5);
            y[i, 0] = upper ? 1f : 0f;
        }
        return (x, y);
    }
}
