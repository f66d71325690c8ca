namespace Demix.Engine.Tensors;

/// <summary>Creates tensors: constants, copies of arrays, and random values from an injected seeded <see cref="Random"/>.</summary>
public static class TensorFactory
{
    /// <summary>Zeros of the given shape.</summary>
    public static Tensor Zeros(params int[] shape) => new(shape);

    /// <summary>Ones of the given shape.</summary>
    public static Tensor Ones(params int[] shape) => Full(1f, shape);

    /// <summary>Every element equal to <paramref name="value"/>.</summary>
    public static Tensor Full(float value, params int[] shape)
    {
        var data = new float[ShapeMath.ElementCount(shape)];
        Array.Fill(data, value);
        return new Tensor(shape, data);
    }

    /// <summary>A 0-d tensor holding one value.</summary>
    public static Tensor Scalar(float value) => new([], [value]);

    /// <summary>A tensor over a copy of <paramref name="values"/>, with the given shape (default: 1-d).</summary>
    public static Tensor FromArray(ReadOnlySpan<float> values, params int[] shape)
    {
        int[] actualShape = shape.Length == 0 ? [values.Length] : shape;
        return new Tensor(actualShape, values.ToArray());
    }

    /// <summary>0, 1, ..., count-1 as a 1-d tensor.</summary>
    public static Tensor Arange(int count)
    {
        var data = new float[count];
        for (int i = 0; i < count; i++) data[i] = i;
        return new Tensor([count], data);
    }

    /// <summary>Standard normal values (Box-Muller from <paramref name="random"/>) times <paramref name="std"/> plus <paramref name="mean"/>.</summary>
    public static Tensor Randn(Random random, int[] shape, float mean = 0f, float std = 1f)
    {
        ArgumentNullException.ThrowIfNull(random);
        var data = new float[ShapeMath.ElementCount(shape)];
        FillNormal(random, data, mean, std);
        return new Tensor(shape, data);
    }

    /// <summary>Uniform values in [low, high).</summary>
    public static Tensor Uniform(Random random, int[] shape, float low = 0f, float high = 1f)
    {
        ArgumentNullException.ThrowIfNull(random);
        var data = new float[ShapeMath.ElementCount(shape)];
        FillUniform(random, data, low, high);
        return new Tensor(shape, data);
    }

    /// <summary>Fills with uniform values in [low, high).</summary>
    public static void FillUniform(Random random, Span<float> destination, float low, float high)
    {
        double width = (double)high - low;
        for (int i = 0; i < destination.Length; i++) destination[i] = (float)(low + width * random.NextDouble());
    }

    /// <summary>Fills with normal values (Box-Muller, in float64).</summary>
    public static void FillNormal(Random random, Span<float> destination, float mean, float std)
    {
        for (int i = 0; i < destination.Length; i += 2)
        {
            double u1 = 1.0 - random.NextDouble();
            double u2 = random.NextDouble();
            double radius = Math.Sqrt(-2.0 * Math.Log(u1));
            destination[i] = (float)(mean + std * radius * Math.Cos(2 * Math.PI * u2));
            if (i + 1 < destination.Length) destination[i + 1] = (float)(mean + std * radius * Math.Sin(2 * Math.PI * u2));
        }
    }
}
