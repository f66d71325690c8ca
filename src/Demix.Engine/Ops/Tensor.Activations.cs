using System.Numerics.Tensors;
using Demix.Engine.Ops;

namespace Demix.Engine.Tensors;

/// <summary>Activation functions (elementwise), each with its derivative.</summary>
public sealed partial class Tensor
{
    /// <summary>max(x, 0).</summary>
    public Tensor Relu() => Map(
        static (x, y) => TensorPrimitives.Max(x, 0f, y),
        static (g, x, y, dx) => ActivationKernels.LeakyReluBackward(g, x, 0f, dx));

    /// <summary>x &gt; 0 ? x : slope * x.</summary>
    public Tensor LeakyRelu(float slope = 0.01f) => Map(
        (x, y) => ActivationKernels.LeakyRelu(x, slope, y),
        (g, x, y, dx) => ActivationKernels.LeakyReluBackward(g, x, slope, dx));

    /// <summary>x &gt; 0 ? x : alpha * (e^x - 1).</summary>
    public Tensor Elu(float alpha = 1f) => Map(
        (x, y) => ActivationKernels.Elu(x, alpha, y),
        (g, x, y, dx) => ActivationKernels.EluBackward(g, x, y, alpha, dx));

    /// <summary>Exact GELU: 0.5 x (1 + erf(x / sqrt 2)) (not the tanh approximation).</summary>
    public Tensor Gelu() => Map(
        static (x, y) => GeluKernels.Forward(x, y),
        static (g, x, y, dx) => GeluKernels.Backward(g, x, dx));

    /// <summary>Hyperbolic tangent.</summary>
    public Tensor Tanh() => Map(
        static (x, y) => TensorPrimitives.Tanh(x, y),
        static (g, x, y, dx) => ActivationKernels.TanhBackward(g, y, dx));

    /// <summary>1 / (1 + e^-x).</summary>
    public Tensor Sigmoid() => Map(
        static (x, y) => TensorPrimitives.Sigmoid(x, y),
        static (g, x, y, dx) => ActivationKernels.SigmoidBackward(g, y, dx));

    /// <summary>relu(x)^2 (Primer).</summary>
    public Tensor SquaredRelu() => Map(
        static (x, y) => ActivationKernels.SquaredRelu(x, y),
        static (g, x, y, dx) => ActivationKernels.SquaredReluBackward(g, x, dx));
}
