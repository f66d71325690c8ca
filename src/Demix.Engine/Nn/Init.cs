using Demix.Engine.Tensors;

namespace Demix.Engine.Nn;

/// <summary>PyTorch's parameter initialisations, drawing from an injected seeded <see cref="Random"/>.</summary>
public static class Init
{
    /// <summary>
    /// Fan-in as PyTorch computes it: size(1) times the receptive field (all axes after the second). For a
    /// transposed-conv weight [Cin, Cout/g, kH, kW] that is Cout/g * kH * kW.
    /// </summary>
    public static int FanIn(Tensor weight) => weight.Rank < 2 ? weight.Length : weight.Shape[1] * ShapeMath.Product(weight.Shape, 2, weight.Rank);

    /// <summary>Fan-out: size(0) times the receptive field.</summary>
    public static int FanOut(Tensor weight) => weight.Rank < 2 ? weight.Length : weight.Shape[0] * ShapeMath.Product(weight.Shape, 2, weight.Rank);

    /// <summary>kaiming_uniform_(a): U(-b, b) with b = sqrt(6 / ((1 + a^2) fan_in)); PyTorch's layers use a = sqrt(5), so b = 1/sqrt(fan_in).</summary>
    public static void KaimingUniform(Tensor weight, Random random, double a = 2.23606797749979)
    {
        double bound = Math.Sqrt(6.0 / ((1 + a * a) * FanIn(weight)));
        Uniform(weight, random, (float)bound);
    }

    /// <summary>The default bias of Linear/Conv: U(-1/sqrt(fan_in), 1/sqrt(fan_in)) with the weight's fan-in.</summary>
    public static void BiasUniform(Tensor bias, Tensor weight, Random random)
    {
        int fanIn = FanIn(weight);
        Uniform(bias, random, fanIn > 0 ? (float)(1.0 / Math.Sqrt(fanIn)) : 0f);
    }

    /// <summary>xavier_uniform_: U(-b, b), b = gain * sqrt(6 / (fan_in + fan_out)).</summary>
    public static void XavierUniform(Tensor weight, Random random, double gain = 1.0) =>
        Uniform(weight, random, (float)(gain * Math.Sqrt(6.0 / (FanIn(weight) + FanOut(weight)))));

    /// <summary>U(-bound, bound) in place.</summary>
    public static void Uniform(Tensor tensor, Random random, float bound) => TensorFactory.FillUniform(random, tensor.Data, -bound, bound);

    /// <summary>N(mean, std^2) in place.</summary>
    public static void Normal(Tensor tensor, Random random, float mean = 0f, float std = 1f) => TensorFactory.FillNormal(random, tensor.Data, mean, std);
}
