namespace Demix.Engine.Tensors;

/// <summary>Index arithmetic on shapes: element counts, strides, axis normalisation, broadcasting.</summary>
public static class ShapeMath
{
    /// <summary>Product of the sizes (1 for a scalar shape); throws on negative sizes or overflow.</summary>
    public static int ElementCount(ReadOnlySpan<int> shape)
    {
        long count = 1;
        foreach (int size in shape)
        {
            if (size < 0) throw new ArgumentException($"Negative size {size} in shape [{string.Join(", ", shape.ToArray())}].");
            count *= size;
            if (count > Array.MaxLength) throw new ArgumentException($"Shape [{string.Join(", ", shape.ToArray())}] is too large.");
        }
        return (int)count;
    }

    /// <summary>Row-major strides in elements.</summary>
    public static int[] Strides(ReadOnlySpan<int> shape)
    {
        var strides = new int[shape.Length];
        int stride = 1;
        for (int axis = shape.Length - 1; axis >= 0; axis--)
        {
            strides[axis] = stride;
            stride *= shape[axis];
        }
        return strides;
    }

    /// <summary>Maps a possibly negative axis into [0, rank).</summary>
    public static int NormalizeAxis(int axis, int rank)
    {
        int normalized = axis < 0 ? axis + rank : axis;
        if (normalized < 0 || normalized >= rank) throw new ArgumentOutOfRangeException(nameof(axis), $"Axis {axis} is out of range for rank {rank}.");
        return normalized;
    }

    /// <summary>Flat row-major index of a full index.</summary>
    public static int FlatIndex(int[] shape, int[] index)
    {
        if (index.Length != shape.Length) throw new ArgumentException($"Index has {index.Length} axes, the tensor has {shape.Length}.");
        int flat = 0;
        for (int axis = 0; axis < shape.Length; axis++)
        {
            if ((uint)index[axis] >= (uint)shape[axis]) throw new IndexOutOfRangeException($"Index {index[axis]} out of range for axis {axis} of size {shape[axis]}.");
            flat = flat * shape[axis] + index[axis];
        }
        return flat;
    }

    /// <summary>Product of the sizes of axes [from, to).</summary>
    public static int Product(ReadOnlySpan<int> shape, int from, int to)
    {
        int product = 1;
        for (int axis = from; axis < to; axis++) product *= shape[axis];
        return product;
    }

    /// <summary>NumPy broadcasting: align trailing axes; sizes must match or be 1.</summary>
    public static int[] Broadcast(int[] a, int[] b)
    {
        int rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            int sa = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            int sb = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            if (sa != sb && sa != 1 && sb != 1)
            {
                throw new ArgumentException($"Shapes [{string.Join(", ", a)}] and [{string.Join(", ", b)}] cannot be broadcast.");
            }
            result[i] = sa == 1 ? sb : sa;
        }
        return result;
    }

    /// <summary>True when both shapes have the same rank and sizes.</summary>
    public static bool SameShape(ReadOnlySpan<int> a, ReadOnlySpan<int> b) => a.SequenceEqual(b);

    /// <summary>Shape as text, e.g. "[2, 3]".</summary>
    public static string Text(ReadOnlySpan<int> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";
}
