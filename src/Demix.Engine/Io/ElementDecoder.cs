using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Demix.Engine.Io;

/// <summary>Converts little-endian stored elements of any <see cref="StoredElementType"/> into float32.</summary>
internal static class ElementDecoder
{
    /// <summary>Bytes per element of a stored type.</summary>
    public static int SizeInBytes(StoredElementType type) => type switch
    {
        StoredElementType.Float32 or StoredElementType.Int32 => 4,
        StoredElementType.Float16 or StoredElementType.BFloat16 or StoredElementType.Int16 => 2,
        StoredElementType.Int8 or StoredElementType.UInt8 or StoredElementType.Bool => 1,
        StoredElementType.Float64 or StoredElementType.Int64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown element type."),
    };

    /// <summary>
    /// Reads <c>destination.Length</c> elements of <paramref name="type"/> from <paramref name="stream"/>
    /// (little-endian) into <paramref name="destination"/> as float32. Throws <see cref="EndOfStreamException"/>
    /// when the stream ends early.
    /// </summary>
    public static void ReadInto(Stream stream, StoredElementType type, Span<float> destination)
    {
        if (type == StoredElementType.Float32 && BitConverter.IsLittleEndian)
        {
            stream.ReadExactly(MemoryMarshal.AsBytes(destination));
            return;
        }
        const int chunkElements = 1 << 14;
        int size = SizeInBytes(type);
        var buffer = new byte[chunkElements * size];
        for (int start = 0; start < destination.Length; start += chunkElements)
        {
            int count = Math.Min(chunkElements, destination.Length - start);
            stream.ReadExactly(buffer, 0, count * size);
            Convert(buffer.AsSpan(0, count * size), type, destination.Slice(start, count));
        }
    }

    /// <summary>Converts little-endian bytes holding <c>destination.Length</c> elements of <paramref name="type"/>.</summary>
    public static void Convert(ReadOnlySpan<byte> source, StoredElementType type, Span<float> destination)
    {
        int size = SizeInBytes(type);
        if (source.Length != destination.Length * size)
            throw new ArgumentException($"{source.Length} bytes do not hold {destination.Length} elements of {type}.");
        for (int i = 0; i < destination.Length; i++)
        {
            var bytes = source.Slice(i * size, size);
            destination[i] = type switch
            {
                StoredElementType.Float32 => BinaryPrimitives.ReadSingleLittleEndian(bytes),
                StoredElementType.Float16 => (float)BinaryPrimitives.ReadHalfLittleEndian(bytes),
                StoredElementType.BFloat16 => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(bytes) << 16),
                StoredElementType.Float64 => (float)BinaryPrimitives.ReadDoubleLittleEndian(bytes),
                StoredElementType.Int64 => BinaryPrimitives.ReadInt64LittleEndian(bytes),
                StoredElementType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(bytes),
                StoredElementType.Int16 => BinaryPrimitives.ReadInt16LittleEndian(bytes),
                StoredElementType.Int8 => (sbyte)bytes[0],
                StoredElementType.UInt8 => bytes[0],
                StoredElementType.Bool => bytes[0] != 0 ? 1f : 0f,
                _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown element type."),
            };
        }
    }
}
