using System.Numerics.Tensors;
using Demix.Engine.Autograd;

namespace Demix.Engine.Tensors;

/// <summary>Softmax and log-softmax along any axis (max-shifted, so large logits do not overflow).</summary>
public sealed partial class Tensor
{
    /// <summary>exp(x - max) / sum(exp(x - max)) along <paramref name="axis"/>.</summary>
    public Tensor Softmax(int axis) => SoftmaxOp(axis, logarithm: false);

    /// <summary>x - max - log(sum(exp(x - max))) along <paramref name="axis"/>.</summary>
    public Tensor LogSoftmax(int axis) => SoftmaxOp(axis, logarithm: true);

    private Tensor SoftmaxOp(int axis, bool logarithm)
    {
        var (outer, count, inner) = SplitAround(axis);
        var data = Buffers.Uninitialized(Length);
        SoftmaxRows(Data, data, outer, count, inner, logarithm);
        var output = new Tensor(Shape, data);
        if (GradMode.IsRecording(this))
        {
            output.SetBackward([this], grad =>
            {
                var dx = Buffers.Uninitialized(Length);
                if (inner == 1) SoftmaxBackwardRows(grad, data, dx, outer, count, logarithm);
                else SoftmaxBackwardStrided(grad, data, dx, outer, count, inner, logarithm);
                AccumulateGradOwned(dx);
            });
        }
        return output;
    }

    /// <summary>(product of axes before, size of the axis, product of axes after).</summary>
    private (int Outer, int Count, int Inner) SplitAround(int axis)
    {
        int ax = ShapeMath.NormalizeAxis(axis, Rank);
        return (ShapeMath.Product(Shape, 0, ax), Shape[ax], ShapeMath.Product(Shape, ax + 1, Rank));
    }

    private static void SoftmaxRows(float[] x, float[] y, int outer, int count, int inner, bool logarithm)
    {
        if (count == 0) return;
        if (inner == 1)
        {
            for (int o = 0; o < outer; o++)
            {
                var source = x.AsSpan(o * count, count);
                var target = y.AsSpan(o * count, count);
                TensorPrimitives.Subtract(source, TensorPrimitives.Max(source), target);
                if (!logarithm)
                {
                    TensorPrimitives.Exp(target, target);
                    TensorPrimitives.Divide(target, TensorPrimitives.Sum(target), target);
                    continue;
                }
                double sum = 0;
                foreach (float v in target) sum += MathF.Exp(v);
                TensorPrimitives.Subtract(target, (float)Math.Log(sum), target);
            }
            return;
        }
        ForEachLine(outer, count, inner, (start, stride) =>
        {
            float max = float.NegativeInfinity;
            for (int r = 0; r < count; r++) max = MathF.Max(max, x[start + r * stride]);
            double sum = 0;
            for (int r = 0; r < count; r++) sum += MathF.Exp(x[start + r * stride] - max);
            float logSum = (float)Math.Log(sum);
            for (int r = 0; r < count; r++)
            {
                float shifted = x[start + r * stride] - max;
                y[start + r * stride] = logarithm ? shifted - logSum : (float)(MathF.Exp(shifted) / sum);
            }
        });
    }

    /// <summary>
    /// Softmax: dx = y (g - sum(g y)); log-softmax: dx = g - exp(y) sum(g); rows contiguous ([outer, count]).
    /// </summary>
    private static void SoftmaxBackwardRows(float[] grad, float[] y, float[] dx, int outer, int count, bool logarithm)
    {
        for (int o = 0; o < outer; o++)
        {
            var g = grad.AsSpan(o * count, count);
            var v = y.AsSpan(o * count, count);
            var d = dx.AsSpan(o * count, count);
            if (logarithm)
            {
                TensorPrimitives.Exp(v, d);
                TensorPrimitives.MultiplyAdd(d, -TensorPrimitives.Sum(g), g, d);
                continue;
            }
            TensorPrimitives.Subtract(g, TensorPrimitives.Dot(g, v), d);
            TensorPrimitives.Multiply(d, v, d);
        }
    }

    /// <summary>As <see cref="SoftmaxBackwardRows"/> along a strided axis of [outer, count, inner].</summary>
    private static void SoftmaxBackwardStrided(float[] grad, float[] y, float[] dx, int outer, int count, int inner, bool logarithm)
    {
        ForEachLine(outer, count, inner, (start, stride) =>
        {
            float reduced = 0f;
            for (int r = 0; r < count; r++) reduced += logarithm ? grad[start + r * stride] : grad[start + r * stride] * y[start + r * stride];
            for (int r = 0; r < count; r++)
            {
                int i = start + r * stride;
                dx[i] = logarithm ? grad[i] - MathF.Exp(y[i]) * reduced : y[i] * (grad[i] - reduced);
            }
        });
    }

    /// <summary>Calls line(start, stride) for every 1-d line along the middle axis of [outer, count, inner].</summary>
    private static void ForEachLine(int outer, int count, int inner, Action<int, int> line)
    {
        for (int o = 0; o < outer; o++)
        for (int i = 0; i < inner; i++) line(o * count * inner + i, inner);
    }
}
