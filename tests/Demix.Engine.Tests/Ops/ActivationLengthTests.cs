using Demix.Engine.Tensors;

namespace Demix.Engine.Tests.Ops;

public sealed class ActivationLengthTests
{
    private static readonly (string Name, Func<Tensor, Tensor> Op, Func<double, double> Value, Func<double, double> Slope)[] Cases =
    [
        ("relu", t => t.Relu(), x => Math.Max(x, 0), x => x > 0 ? 1 : 0),
        ("leaky", t => t.LeakyRelu(0.2f), x => x > 0 ? x : 0.2 * x, x => x > 0 ? 1 : 0.2),
        ("elu", t => t.Elu(0.7f), x => x > 0 ? x : 0.7 * (Math.Exp(x) - 1), x => x > 0 ? 1 : 0.7 * Math.Exp(x)),
        ("squared", t => t.SquaredRelu(), x => x > 0 ? x * x : 0, x => x > 0 ? 2 * x : 0),
        ("tanh", t => t.Tanh(), Math.Tanh, x => 1 - Math.Tanh(x) * Math.Tanh(x)),
        ("gelu", t => t.Gelu(), x => 0.5 * x * (1 + Erf(x / Math.Sqrt(2))), x => 0.5 * (1 + Erf(x / Math.Sqrt(2))) + x * Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI)),
        ("abs", t => t.Abs(), Math.Abs, x => Math.Sign(x)),
        ("clamp", t => t.Clamp(-1f, 0.5f), x => Math.Clamp(x, -1, 0.5), x => x >= -1 && x <= 0.5 ? 1 : 0),
        ("sigmoid", t => t.Sigmoid(), x => 1 / (1 + Math.Exp(-x)), x => Math.Exp(-x) / Math.Pow(1 + Math.Exp(-x), 2)),
    ];

    /// <summary>erf by its Maclaurin series (|x| &lt;= 3) or the continued fraction of erfc, in float64, independent of the engine.</summary>
    private static double Erf(double x)
    {
        if (Math.Abs(x) <= 3)
        {
            double sum = 0, term = x;
            for (int n = 0; n < 200; n++)
            {
                sum += term / (2 * n + 1);
                term *= -x * x / (n + 1);
            }
            return 2 / Math.Sqrt(Math.PI) * sum;
        }
        double z = Math.Abs(x), fraction = 0;
        for (int n = 60; n >= 1; n--) fraction = n / 2.0 / (z + fraction);
        double erfc = Math.Exp(-z * z) / Math.Sqrt(Math.PI) / (z + fraction);
        return Math.Sign(x) * (1 - erfc);
    }

    [Fact]
    public void EveryLength_MatchesScalarFormulas()
    {
        var random = new Random(5);
        for (int length = 0; length <= 70; length++)
        {
            var x = TensorFactory.Randn(random, [length], 0f, 2f);
            var g = TensorFactory.Randn(random, [length]);
            foreach (var (name, op, value, slope) in Cases)
            {
                var input = x.Clone();
                input.RequiresGrad = true;
                var y = op(input);
                if (length > 0) y.Backward(g.Data);
                for (int i = 0; i < length; i++)
                {
                    Assert.True(Math.Abs(y.Data[i] - value(x.Data[i])) <= 1e-5 * (1 + Math.Abs(value(x.Data[i]))), $"{name} value at {i} of {length}");
                    double expected = g.Data[i] * slope(x.Data[i]);
                    Assert.True(Math.Abs(input.Grad![i] - expected) <= 1e-5 * (1 + Math.Abs(expected)), $"{name} slope at {i} of {length}");
                }
            }
        }
    }
}
