using System.Numerics.Tensors;
using Demix.Engine.Autograd;

namespace Demix.Engine.Tensors;

/// <summary>Softmax and log-softmax along any axis (max-shifted, so large logits do not overflow).</summary>
public sealed partial class Tensor
{
    /// <summary>exp(x - max) / sum(exp(x - max)) along <paramref name="axis"/>.</summary>
    public Tensor Softmax(int axis)
    {
        var (outer, count, inner) = SplitAround(axis);
        var data = new float[Length];
        SoftmaxRows(Data, data, outer, count, inner, logarithm: false);
        var output = new Tensor(Shape, data);
        if (GradMode.IsRecording(this))
        {
            output.SetBackward([this], grad =>
            {
                // dx = y * (g - sum(g * y)) along the axis
                var dx = new float[Length];
                ForEachLine(outer, count, inner, (start, stride) =>
                {
                    float dot = 0f;
                    for (int r = 0; r < count; r++) dot += grad[start + r * stride] * data[start + r * stride];
                    for (int r = 0; r < count; r++) dx[start + r * stride] = data[start + r * stride] * (grad[start + r * stride] - dot);
                });
                AccumulateGradOwned(dx);
            });
        }
        return output;
    }

    /// <summary>x - max - log(sum(exp(x - max))) along <paramref name="axis"/>.</summary>
    public Tensor LogSoftmax(int axis)
    {
        var (outer, count, inner) = SplitAround(axis);
        var data = new float[Length];
        SoftmaxRows(Data, data, outer, count, inner, logarithm: true);
        var output = new Tensor(Shape, data);
        if (GradMode.IsRecording(this))
        {
            output.SetBackward([this], grad =>
            {
                // dx = g - softmax * sum(g) along the axis
                var dx = new float[Length];
                ForEachLine(outer, count, inner, (start, stride) =>
                {
                    float sum = 0f;
                    for (int r = 0; r < count; r++) sum += grad[start + r * stride];
                    for (int r = 0; r < count; r++) dx[start + r * stride] = grad[start + r * stride] - MathF.Exp(data[start + r * stride]) * sum;
                });
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
        if (inner == 1)
        {
            for (int o = 0; o < outer; o++)
            {
                var source = x.AsSpan(o * count, count);
                var target = y.AsSpan(o * count, count);
                float max = TensorPrimitives.Max(source);
                TensorPrimitives.Subtract(source, max, target);
                if (!logarithm)
                {
                    TensorPrimitives.Exp(target, target);
                    TensorPrimitives.Divide(target, TensorPrimitives.Sum(target), target);
                    continue;
                }
                float logSum = MathF.Log(SumExp(target));
                TensorPrimitives.Subtract(target, logSum, target);
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

    private static float SumExp(ReadOnlySpan<float> values)
    {
        double sum = 0;
        foreach (float v in values) sum += MathF.Exp(v);
        return (float)sum;
    }

    /// <summary>Calls line(start, stride) for every 1-d line along the middle axis of [outer, count, inner].</summary>
    private static void ForEachLine(int outer, int count, int inner, Action<int, int> line)
    {
        for (int o = 0; o < outer; o++)
        for (int i = 0; i < inner; i++) line(o * count * inner + i, inner);
    }
}
