using Demix.Engine.Tensors;

namespace Demix.Engine.Tests;

/// <summary>Small random inputs for op tests.</summary>
public static class TestTensors
{
    /// <summary>Normal values that require grad.</summary>
    public static Tensor Randn(int seed, params int[] shape)
    {
        var t = TensorFactory.Randn(new Random(seed), shape);
        t.RequiresGrad = true;
        return t;
    }

    /// <summary>Normal values kept at least <paramref name="margin"/> away from 0 (for ops with a kink at 0).</summary>
    public static Tensor AwayFromZero(int seed, float margin, params int[] shape)
    {
        var t = TensorFactory.Randn(new Random(seed), shape);
        for (int i = 0; i < t.Length; i++) t.Data[i] = t.Data[i] >= 0 ? t.Data[i] + margin : t.Data[i] - margin;
        t.RequiresGrad = true;
        return t;
    }

    /// <summary>Uniform values in [low, high) that require grad.</summary>
    public static Tensor Uniform(int seed, float low, float high, params int[] shape)
    {
        var t = TensorFactory.Uniform(new Random(seed), shape, low, high);
        t.RequiresGrad = true;
        return t;
    }

    /// <summary>A random permutation of well-separated values (no ties within the step of a gradient check).</summary>
    public static Tensor Distinct(int seed, params int[] shape)
    {
        var t = new Tensor(shape);
        var order = Enumerable.Range(0, t.Length).ToArray();
        new Random(seed).Shuffle(order);
        for (int i = 0; i < t.Length; i++) t.Data[i] = (order[i] - t.Length / 2f + 0.25f) * 0.1f;
        t.RequiresGrad = true;
        return t;
    }
}
