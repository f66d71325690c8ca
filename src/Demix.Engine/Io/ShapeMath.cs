namespace Demix.Engine.Io;

/// <summary>Overflow-checked element counts and shape formatting shared by the weight readers.</summary>
internal static class ShapeMath
{
    /// <summary>The product of the dimensions (1 for a scalar); throws on a negative dimension or overflow.</summary>
    public static long ElementCount(ReadOnlySpan<int> shape)
    {
        long count = 1;
        foreach (int dimension in shape)
        {
            if (dimension < 0) throw new ArgumentException($"Shape {Format(shape)} has a negative dimension.");
            count = checked(count * dimension);
        }
        return count;
    }

    /// <summary>The shape as text, e.g. <c>[2, 3]</c> or <c>[]</c>.</summary>
    public static string Format(ReadOnlySpan<int> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";

    /// <summary>
    /// Converts 64-bit dimensions read from a file into an int shape, rejecting negative values,
    /// values above <see cref="int.MaxValue"/> and element counts that no float[] can hold.
    /// </summary>
    public static int[] ToIntShape(IReadOnlyList<long> dimensions, Func<string, Exception> error)
    {
        var shape = new int[dimensions.Count];
        long count = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            long dimension = dimensions[i];
            if (dimension < 0 || dimension > int.MaxValue) throw error($"dimension {i} is {dimension}, outside 0..{int.MaxValue}");
            shape[i] = (int)dimension;
            count = count == 0 ? 0 : dimension > Array.MaxLength / count ? long.MaxValue : count * dimension;
            if (count > Array.MaxLength) throw error($"shape [{string.Join(", ", dimensions)}] has more elements than an array can hold");
        }
        return shape;
    }
}
