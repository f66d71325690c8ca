using System.Numerics;
using System.Numerics.Tensors;

namespace Demix.Engine.Ops;

/// <summary>
/// SIMD loops (System.Numerics.Vector, AVX2/AVX-512 as the JIT allows) for the piecewise activations and their
/// derivatives, where TensorPrimitives has no single call. Scalar tails finish the last elements.
/// </summary>
internal static class ActivationKernels
{
    /// <summary>y = x &gt; 0 ? x : slope * x.</summary>
    public static void LeakyRelu(ReadOnlySpan<float> x, float slope, Span<float> y)
    {
        int i = 0;
        var vSlope = new Vector<float>(slope);
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var v = new Vector<float>(x[i..]);
            Vector.ConditionalSelect(Vector.GreaterThan(v, Vector<float>.Zero), v, v * vSlope).CopyTo(y[i..]);
        }
        for (; i < x.Length; i++) y[i] = x[i] > 0f ? x[i] : slope * x[i];
    }

    /// <summary>dx = x &gt; 0 ? g : slope * g (slope 0 gives the ReLU derivative).</summary>
    public static void LeakyReluBackward(ReadOnlySpan<float> g, ReadOnlySpan<float> x, float slope, Span<float> dx)
    {
        int i = 0;
        var vSlope = new Vector<float>(slope);
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var vg = new Vector<float>(g[i..]);
            Vector.ConditionalSelect(Vector.GreaterThan(new Vector<float>(x[i..]), Vector<float>.Zero), vg, vg * vSlope).CopyTo(dx[i..]);
        }
        for (; i < x.Length; i++) dx[i] = x[i] > 0f ? g[i] : slope * g[i];
    }

    /// <summary>y = relu(x)^2.</summary>
    public static void SquaredRelu(ReadOnlySpan<float> x, Span<float> y)
    {
        TensorPrimitives.Max(x, 0f, y);
        TensorPrimitives.Multiply(y, y, y);
    }

    /// <summary>dx = 2 relu(x) g.</summary>
    public static void SquaredReluBackward(ReadOnlySpan<float> g, ReadOnlySpan<float> x, Span<float> dx)
    {
        TensorPrimitives.Max(x, 0f, dx);
        TensorPrimitives.Multiply(dx, g, dx);
        TensorPrimitives.Multiply(dx, 2f, dx);
    }

    /// <summary>y = x &gt; 0 ? x : alpha (e^x - 1).</summary>
    public static void Elu(ReadOnlySpan<float> x, float alpha, Span<float> y)
    {
        TensorPrimitives.Min(x, 0f, y);
        TensorPrimitives.Exp(y, y);
        int i = 0;
        var vAlpha = new Vector<float>(alpha);
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var v = new Vector<float>(x[i..]);
            var negative = vAlpha * (new Vector<float>(y[i..]) - Vector<float>.One);
            Vector.ConditionalSelect(Vector.GreaterThan(v, Vector<float>.Zero), v, negative).CopyTo(y[i..]);
        }
        for (; i < x.Length; i++) y[i] = x[i] > 0f ? x[i] : alpha * (y[i] - 1f);
    }

    /// <summary>dx = x &gt; 0 ? g : g (y + alpha).</summary>
    public static void EluBackward(ReadOnlySpan<float> g, ReadOnlySpan<float> x, ReadOnlySpan<float> y, float alpha, Span<float> dx)
    {
        int i = 0;
        var vAlpha = new Vector<float>(alpha);
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var vg = new Vector<float>(g[i..]);
            var negative = vg * (new Vector<float>(y[i..]) + vAlpha);
            Vector.ConditionalSelect(Vector.GreaterThan(new Vector<float>(x[i..]), Vector<float>.Zero), vg, negative).CopyTo(dx[i..]);
        }
        for (; i < x.Length; i++) dx[i] = x[i] > 0f ? g[i] : g[i] * (y[i] + alpha);
    }

    /// <summary>dx = g (1 - y^2) (tanh).</summary>
    public static void TanhBackward(ReadOnlySpan<float> g, ReadOnlySpan<float> y, Span<float> dx)
    {
        TensorPrimitives.Multiply(y, y, dx);
        TensorPrimitives.Subtract(1f, dx, dx);
        TensorPrimitives.Multiply(dx, g, dx);
    }

    /// <summary>dx = g y (1 - y) (sigmoid).</summary>
    public static void SigmoidBackward(ReadOnlySpan<float> g, ReadOnlySpan<float> y, Span<float> dx)
    {
        TensorPrimitives.Subtract(1f, y, dx);
        TensorPrimitives.Multiply(dx, y, dx);
        TensorPrimitives.Multiply(dx, g, dx);
    }

    /// <summary>dx = g sign(x) (0 at 0), the derivative of |x|.</summary>
    public static void AbsBackward(ReadOnlySpan<float> g, ReadOnlySpan<float> x, Span<float> dx)
    {
        int i = 0;
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var v = new Vector<float>(x[i..]);
            var vg = new Vector<float>(g[i..]);
            var negativeOrZero = Vector.ConditionalSelect(Vector.LessThan(v, Vector<float>.Zero), -vg, Vector<float>.Zero);
            Vector.ConditionalSelect(Vector.GreaterThan(v, Vector<float>.Zero), vg, negativeOrZero).CopyTo(dx[i..]);
        }
        for (; i < x.Length; i++) dx[i] = x[i] > 0f ? g[i] : x[i] < 0f ? -g[i] : 0f;
    }

    /// <summary>dx = g where min &lt;= x &lt;= max, else 0 (the derivative of a clamp).</summary>
    public static void ClampBackward(ReadOnlySpan<float> g, ReadOnlySpan<float> x, float min, float max, Span<float> dx)
    {
        int i = 0;
        var vMin = new Vector<float>(min);
        var vMax = new Vector<float>(max);
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var v = new Vector<float>(x[i..]);
            var inside = Vector.GreaterThanOrEqual(v, vMin) & Vector.LessThanOrEqual(v, vMax);
            Vector.ConditionalSelect(inside, new Vector<float>(g[i..]), Vector<float>.Zero).CopyTo(dx[i..]);
        }
        for (; i < x.Length; i++) dx[i] = x[i] >= min && x[i] <= max ? g[i] : 0f;
    }
}
