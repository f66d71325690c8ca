using System.Numerics.Tensors;
using Demix.Engine.Autograd;

namespace Demix.Engine.Tensors;

/// <summary>Reductions along axes (sum, mean, max, variance), with keepDim as in PyTorch.</summary>
public sealed partial class Tensor
{
    /// <summary>Sum of all elements, a 0-d tensor.</summary>
    public Tensor Sum()
    {
        var output = new Tensor([], [TensorPrimitives.Sum(Data)]);
        if (GradMode.IsRecording(this))
        {
            output.SetBackward([this], grad =>
            {
                var dx = new float[Length];
                Array.Fill(dx, grad[0]);
                AccumulateGradOwned(dx);
            });
        }
        return output;
    }

    /// <summary>Mean of all elements, a 0-d tensor.</summary>
    public Tensor Mean() => Sum().Multiply(1f / Length);

    /// <summary>Sum along the given axes (negative axes count from the end).</summary>
    /// <param name="axes">Axes to reduce; each once.</param>
    /// <param name="keepDim">Keep reduced axes with size 1.</param>
    public Tensor Sum(int[] axes, bool keepDim = false) => ReduceAxes(axes, keepDim, static (t, axis) => t.SumAxis(axis));

    /// <summary>Sum along one axis.</summary>
    public Tensor Sum(int axis, bool keepDim = false) => Sum([axis], keepDim);

    /// <summary>Mean along the given axes.</summary>
    public Tensor Mean(int[] axes, bool keepDim = false)
    {
        var sum = Sum(axes, keepDim);
        return sum.Multiply((float)sum.Length / Length);
    }

    /// <summary>Mean along one axis.</summary>
    public Tensor Mean(int axis, bool keepDim = false) => Mean([axis], keepDim);

    /// <summary>Maximum along the given axes; the gradient goes to the first maximal element.</summary>
    public Tensor Max(int[] axes, bool keepDim = false) => ReduceAxes(axes, keepDim, static (t, axis) => t.MaxAxis(axis));

    /// <summary>Maximum along one axis.</summary>
    public Tensor Max(int axis, bool keepDim = false) => Max([axis], keepDim);

    /// <summary>Variance along the given axes: mean squared deviation, times n/(n-1) when <paramref name="unbiased"/> (PyTorch's default).</summary>
    public Tensor Var(int[] axes, bool keepDim = false, bool unbiased = true)
    {
        var mean = Mean(axes, keepDim: true);
        var squared = (this - mean).Square();
        var variance = squared.Mean(axes, keepDim);
        if (!unbiased) return variance;
        int count = Length / mean.Length;
        return variance.Multiply(count / (float)Math.Max(count - 1, 1));
    }

    /// <summary>Variance along one axis.</summary>
    public Tensor Var(int axis, bool keepDim = false, bool unbiased = true) => Var([axis], keepDim, unbiased);

    private Tensor ReduceAxes(int[] axes, bool keepDim, Func<Tensor, int, Tensor> reduceOne)
    {
        var normalized = axes.Select(axis => ShapeMath.NormalizeAxis(axis, Rank)).Distinct().OrderDescending().ToArray();
        if (normalized.Length != axes.Length) throw new ArgumentException("An axis is listed twice.", nameof(axes));
        var result = this;
        foreach (int axis in normalized) result = reduceOne(result, axis);
        if (keepDim) return result;
        var shape = Shape.Where((_, axis) => !normalized.Contains(axis)).ToArray();
        return result.Reshape(shape);
    }

    /// <summary>Sum over one axis, keeping it with size 1.</summary>
    private Tensor SumAxis(int axis)
    {
        int outer = ShapeMath.Product(Shape, 0, axis), count = Shape[axis], inner = ShapeMath.Product(Shape, axis + 1, Rank);
        var shape = (int[])Shape.Clone();
        shape[axis] = 1;
        var data = new float[outer * inner];
        var input = Data;
        for (int o = 0; o < outer; o++)
        {
            if (inner == 1)
            {
                data[o] = TensorPrimitives.Sum(input.AsSpan(o * count, count));
                continue;
            }
            var destination = data.AsSpan(o * inner, inner);
            for (int r = 0; r < count; r++) TensorPrimitives.Add(destination, input.AsSpan((o * count + r) * inner, inner), destination);
        }
        var output = new Tensor(shape, data);
        if (GradMode.IsRecording(this))
        {
            output.SetBackward([this], grad =>
            {
                var dx = new float[Length];
                for (int o = 0; o < outer; o++)
                for (int r = 0; r < count; r++)
                {
                    if (inner == 1) dx[o * count + r] = grad[o];
                    else grad.AsSpan(o * inner, inner).CopyTo(dx.AsSpan((o * count + r) * inner, inner));
                }
                AccumulateGradOwned(dx);
            });
        }
        return output;
    }

    /// <summary>Maximum over one axis, keeping it with size 1; remembers the arg-max for the backward pass.</summary>
    private Tensor MaxAxis(int axis)
    {
        int outer = ShapeMath.Product(Shape, 0, axis), count = Shape[axis], inner = ShapeMath.Product(Shape, axis + 1, Rank);
        if (count == 0) throw new InvalidOperationException("Max over an empty axis.");
        var shape = (int[])Shape.Clone();
        shape[axis] = 1;
        var data = new float[outer * inner];
        var argMax = new int[outer * inner];
        var input = Data;
        for (int o = 0; o < outer; o++)
        for (int i = 0; i < inner; i++)
        {
            int best = o * count * inner + i;
            for (int r = 1; r < count; r++)
            {
                int index = (o * count + r) * inner + i;
                if (input[index] > input[best] || float.IsNaN(input[index])) best = index;
            }
            data[o * inner + i] = input[best];
            argMax[o * inner + i] = best;
        }
        var output = new Tensor(shape, data);
        if (GradMode.IsRecording(this))
        {
            output.SetBackward([this], grad =>
            {
                var dx = new float[Length];
                for (int j = 0; j < argMax.Length; j++) dx[argMax[j]] += grad[j];
                AccumulateGradOwned(dx);
            });
        }
        return output;
    }
}
