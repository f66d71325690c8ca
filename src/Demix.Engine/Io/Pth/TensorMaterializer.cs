namespace Demix.Engine.Io.Pth;

/// <summary>
/// Copies a (possibly strided) tensor view out of a raw little-endian storage into a contiguous
/// row-major float32 array, checking that every addressed element lies inside the storage.
/// </summary>
internal static class TensorMaterializer
{
    /// <summary>Builds the tensor's values.</summary>
    /// <param name="storageBytes">The whole storage: <c>ElementCount</c> elements of the storage's type.</param>
    public static NamedTensorData Materialize(string name, PickledTensor tensor, ReadOnlySpan<byte> storageBytes, string file)
    {
        var storage = tensor.Storage;
        int elementSize = ElementDecoder.SizeInBytes(storage.ElementType);
        if (storageBytes.Length / elementSize < storage.ElementCount)
            throw new WeightFileException(file, $"storage '{storage.Key}' holds {storageBytes.Length} bytes, fewer than {storage.ElementCount} elements of {storage.ElementType}");
        int[] shape = ShapeMath.ToIntShape(tensor.Size, problem => new WeightFileException(file, $"tensor '{name}': {problem}"));
        var data = new float[ShapeMath.ElementCount(shape)];
        if (data.Length == 0) return new NamedTensorData(name, shape, data, storage.ElementType);
        long last = tensor.StorageOffset;
        for (int i = 0; i < shape.Length; i++) last += (shape[i] - 1) * tensor.Stride[i];
        if (last >= storage.ElementCount)
            throw new WeightFileException(file, $"tensor '{name}' {ShapeMath.Format(shape)} reaches element {last} of storage '{storage.Key}', which has {storage.ElementCount}");
        if (IsContiguous(shape, tensor.Stride))
        {
            var bytes = storageBytes.Slice(checked((int)(tensor.StorageOffset * elementSize)), data.Length * elementSize);
            ElementDecoder.Convert(bytes, storage.ElementType, data);
        }
        else Gather(shape, tensor, storageBytes, elementSize, data);
        return new NamedTensorData(name, shape, data, storage.ElementType);
    }

    private static bool IsContiguous(int[] shape, long[] stride)
    {
        long expected = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            if (shape[i] != 1 && stride[i] != expected) return false;
            expected *= shape[i];
        }
        return true;
    }

    /// <summary>Walks the multi-index in row-major order, converting one element at a time.</summary>
    private static void Gather(int[] shape, PickledTensor tensor, ReadOnlySpan<byte> storageBytes, int elementSize, float[] data)
    {
        var index = new int[shape.Length];
        var type = tensor.Storage.ElementType;
        for (int flat = 0; flat < data.Length; flat++)
        {
            long element = tensor.StorageOffset;
            for (int d = 0; d < shape.Length; d++) element += index[d] * tensor.Stride[d];
            ElementDecoder.Convert(storageBytes.Slice((int)(element * elementSize), elementSize), type, data.AsSpan(flat, 1));
            for (int d = shape.Length - 1; d >= 0 && ++index[d] == shape[d]; d--) index[d] = 0;
        }
    }
}
