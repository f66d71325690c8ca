using System.Buffers.Binary;

namespace Demix.Engine.Io.TfCheckpoint;

/// <summary>
/// Decompression of raw Snappy blocks (https://github.com/google/snappy/blob/main/format_description.txt),
/// the optional block compression of LevelDB tables: a varint uncompressed length, then literals and
/// back-references (copies with 1-, 2- or 4-byte offsets, which may overlap their output).
/// </summary>
internal static class Snappy
{
    /// <summary>Decompresses one block; throws <see cref="FormatException"/> on malformed input.</summary>
    public static byte[] Decompress(ReadOnlySpan<byte> input)
    {
        int position = 0;
        uint length = Varints.Read32(input, ref position);
        if (length > Array.MaxLength) throw new FormatException("snappy length too large");
        var output = new byte[length];
        int written = 0;
        while (position < input.Length)
        {
            byte tag = input[position++];
            if ((tag & 3) == 0) written = CopyLiteral(input, ref position, tag, output, written);
            else
            {
                var (copyLength, offset) = ReadCopy(input, ref position, tag);
                if (offset == 0 || offset > written || copyLength > output.Length - written)
                    throw new FormatException("a snappy copy reaches outside the output");
                for (int i = 0; i < copyLength; i++, written++) output[written] = output[written - offset];
            }
        }
        if (written != output.Length) throw new FormatException($"snappy block decompressed to {written} bytes, expected {output.Length}");
        return output;
    }

    private static int CopyLiteral(ReadOnlySpan<byte> input, ref int position, byte tag, byte[] output, int written)
    {
        long literalLength = (tag >> 2) + 1;
        if (literalLength > 60)
        {
            int lengthBytes = (int)literalLength - 60;
            if (input.Length - position < lengthBytes) throw new FormatException("truncated snappy literal length");
            long value = 0;
            for (int i = 0; i < lengthBytes; i++) value |= (long)input[position + i] << (8 * i);
            position += lengthBytes;
            literalLength = value + 1;
        }
        if (literalLength > input.Length - position || literalLength > output.Length - written)
            throw new FormatException("a snappy literal runs past its buffer");
        input.Slice(position, (int)literalLength).CopyTo(output.AsSpan(written));
        position += (int)literalLength;
        return written + (int)literalLength;
    }

    private static (int Length, int Offset) ReadCopy(ReadOnlySpan<byte> input, ref int position, byte tag)
    {
        int kind = tag & 3;
        int extraBytes = kind == 1 ? 1 : kind == 2 ? 2 : 4;
        if (input.Length - position < extraBytes) throw new FormatException("truncated snappy copy");
        var extra = input.Slice(position, extraBytes);
        position += extraBytes;
        return kind switch
        {
            1 => (4 + ((tag >> 2) & 7), ((tag >> 5) << 8) | extra[0]),
            2 => ((tag >> 2) + 1, BinaryPrimitives.ReadUInt16LittleEndian(extra)),
            _ => ((tag >> 2) + 1, (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(extra), int.MaxValue)),
        };
    }
}
