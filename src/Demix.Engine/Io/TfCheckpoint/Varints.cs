namespace Demix.Engine.Io.TfCheckpoint;

/// <summary>Base-128 little-endian varints as used by protobuf and LevelDB tables.</summary>
internal static class Varints
{
    /// <summary>Reads a varint of at most 10 bytes at <paramref name="position"/>, advancing it.</summary>
    /// <exception cref="FormatException">The varint is truncated or longer than 64 bits.</exception>
    public static ulong Read(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length) throw new FormatException("a varint runs past the end of its buffer");
            byte b = data[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0) return value;
        }
        throw new FormatException("a varint is longer than 10 bytes");
    }

    /// <summary>Reads a varint that must fit in 32 bits.</summary>
    public static uint Read32(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = Read(data, ref position);
        return value <= uint.MaxValue ? (uint)value : throw new FormatException($"varint {value} does not fit in 32 bits");
    }
}
