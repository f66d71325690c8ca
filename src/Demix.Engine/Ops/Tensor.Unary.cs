using System.Numerics.Tensors;
using Demix.Engine.Autograd;
using Demix.Engine.Ops;

namespace Demix.Engine.Tensors;

/// <summary>y = f(x) over a span (x and y have the same length).</summary>
public delegate void SpanMap(ReadOnlySpan<float> x, Span<float> y);

/// <summary>dx = dLoss/dy * f'(x), given the incoming gradient, the input x and the output y.</summary>
public delegate void SpanGradient(ReadOnlySpan<float> grad, ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> dx);

/// <summary>Elementwise math functions with their derivatives.</summary>
public sealed partial class Tensor
{
    /// <summary>e^x.</summary>
    public Tensor Exp() => Map(static (x, y) => TensorPrimitives.Exp(x, y), static (g, x, y, dx) => TensorPrimitives.Multiply(g, y, dx));

    /// <summary>Natural logarithm.</summary>
    public Tensor Log() => Map(static (x, y) => TensorPrimitives.Log(x, y), static (g, x, y, dx) => TensorPrimitives.Divide(g, x, dx));

    /// <summary>Square root.</summary>
    public Tensor Sqrt() => Map(
        static (x, y) => TensorPrimitives.Sqrt(x, y),
        static (g, x, y, dx) =>
        {
            TensorPrimitives.Divide(g, y, dx);
            TensorPrimitives.Multiply(dx, 0.5f, dx);
        });

    /// <summary>x^2.</summary>
    public Tensor Square() => Map(
        static (x, y) => TensorPrimitives.Multiply(x, x, y),
        static (g, x, y, dx) =>
        {
            TensorPrimitives.Multiply(g, x, dx);
            TensorPrimitives.Multiply(dx, 2f, dx);
        });

    /// <summary>x^exponent (x must be positive unless the exponent is an integer).</summary>
    public Tensor Pow(float exponent)
    {
        if (exponent == 2f) return Square();
        if (exponent == 1f) return MapAffine(1f, 0f);
        return Map(
            (x, y) => TensorPrimitives.Pow(x, exponent, y),
            (g, x, y, dx) =>
            {
                TensorPrimitives.Pow(x, exponent - 1f, dx);
                TensorPrimitives.Multiply(dx, exponent, dx);
                TensorPrimitives.Multiply(dx, g, dx);
            });
    }

    /// <summary>|x| (gradient sign(x), 0 at 0).</summary>
    public Tensor Abs() => Map(
        static (x, y) => TensorPrimitives.Abs(x, y),
        static (g, x, y, dx) => ActivationKernels.AbsBackward(g, x, dx));

    /// <summary>min(max(x, min), max); the gradient passes where min &lt;= x &lt;= max.</summary>
    public Tensor Clamp(float min, float max)
    {
        if (min > max) throw new ArgumentException($"Clamp range is empty: min {min} > max {max}.");
        return Map(
            (x, y) => TensorPrimitives.Clamp(x, min, max, y),
            (g, x, y, dx) => ActivationKernels.ClampBackward(g, x, min, max, dx));
    }

    /// <summary>
    /// Applies an elementwise function with its derivative; large tensors are split across cores.
    /// </summary>
    /// <param name="forward">y = f(x) on a chunk.</param>
    /// <param name="backward">dx = g * f'(x) on a chunk (it may read x and y).</param>
    public Tensor Map(SpanMap forward, SpanGradient backward)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(backward);
        var input = Data;
        var data = Buffers.Uninitialized(Length);
        ParallelLoop.For(data.Length, (start, count) => forward(input.AsSpan(start, count), data.AsSpan(start, count)));
        var output = new Tensor(Shape, data);
        if (GradMode.IsRecording(this))
        {
            output.SetBackward([this], grad =>
            {
                var dx = Buffers.Uninitialized(grad.Length);
                ParallelLoop.For(dx.Length, (start, count) => backward(
                    grad.AsSpan(start, count), input.AsSpan(start, count), data.AsSpan(start, count), dx.AsSpan(start, count)));
                AccumulateGradOwned(dx);
            });
        }
        return output;
    }
}
