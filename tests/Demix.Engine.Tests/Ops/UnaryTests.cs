using static Demix.Engine.Tests.TestTensors;

namespace Demix.Engine.Tests.Ops;

public sealed class UnaryTests
{
    [Fact]
    public void MathFunctions_MatchNumericGradients()
    {
        GradCheck.Check(x => x[0].Exp(), [Randn(1, 3, 4)], step: 1e-3f);
        GradCheck.Check(x => x[0].Log(), [Uniform(2, 0.5f, 2f, 3, 4)], step: 1e-3f);
        GradCheck.Check(x => x[0].Sqrt(), [Uniform(3, 0.5f, 2f, 3, 4)], step: 1e-3f);
        GradCheck.Check(x => x[0].Square(), [Randn(4, 3, 4)]);
        GradCheck.Check(x => x[0].Pow(1.5f), [Uniform(5, 0.5f, 2f, 3, 4)], step: 1e-3f);
        GradCheck.Check(x => x[0].Pow(3f), [Randn(6, 3, 4)], step: 1e-3f);
        GradCheck.Check(x => x[0].Abs(), [AwayFromZero(7, 0.1f, 3, 4)]);
        GradCheck.Check(x => x[0].Clamp(-0.5f, 0.5f), [Distinct(8, 3, 4)], step: 1e-3f);
        GradCheck.Check(x => x[0].Reciprocal(), [Uniform(9, 1f, 2f, 3, 4)], step: 1e-3f);
    }

    [Fact]
    public void Activations_MatchNumericGradients()
    {
        GradCheck.Check(x => x[0].Relu(), [AwayFromZero(1, 0.1f, 3, 4)]);
        GradCheck.Check(x => x[0].LeakyRelu(0.2f), [AwayFromZero(2, 0.1f, 3, 4)]);
        GradCheck.Check(x => x[0].Elu(), [AwayFromZero(3, 0.1f, 3, 4)], step: 1e-3f);
        GradCheck.Check(x => x[0].Gelu(), [Randn(4, 3, 4)], step: 1e-3f);
        GradCheck.Check(x => x[0].Tanh(), [Randn(5, 3, 4)], step: 1e-3f);
        GradCheck.Check(x => x[0].Sigmoid(), [Randn(6, 3, 4)], step: 1e-3f);
        GradCheck.Check(x => x[0].SquaredRelu(), [AwayFromZero(7, 0.1f, 3, 4)]);
    }

    [Fact]
    public void Gelu_MatchesKnownValues()
    {
        var x = Demix.Engine.Tensors.TensorFactory.FromArray([-1f, 0f, 1f, 2f]);
        var y = x.Gelu();
        // 0.5 x (1 + erf(x / sqrt 2)) from scipy: gelu(-1) = -0.158655, gelu(1) = 0.841345, gelu(2) = 1.954500
        Assert.Equal(-0.1586553f, y.Data[0], 6);
        Assert.Equal(0f, y.Data[1], 6);
        Assert.Equal(0.8413447f, y.Data[2], 6);
        Assert.Equal(1.9544997f, y.Data[3], 5);
    }
}
