namespace Demix.Engine.Io;

/// <summary>
/// One tensor read from or written to a weight file, as plain data: a name (a PyTorch
/// <c>state_dict</c> key, a safetensors key or a TensorFlow variable name), a shape and the values
/// in row-major (C) order, converted to float32.
/// </summary>
/// <param name="Name">The key of the tensor in its file.</param>
/// <param name="Shape">The dimensions; empty for a scalar (one value).</param>
/// <param name="Data">The values in row-major order; its length is the product of <paramref name="Shape"/>.</param>
/// <param name="SourceType">The element type the file stored, before conversion to float32.</param>
public sealed record NamedTensorData(string Name, int[] Shape, float[] Data, StoredElementType SourceType = StoredElementType.Float32)
{
    /// <summary>The number of values: the product of the shape (1 for a scalar).</summary>
    public long ElementCount => ShapeMath.ElementCount(Shape);

    /// <summary>The shape as text, e.g. <c>[64, 2974]</c>, for messages.</summary>
    public string ShapeText => ShapeMath.Format(Shape);
}
