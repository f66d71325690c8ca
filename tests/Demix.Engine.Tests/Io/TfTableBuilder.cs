using System.Buffers.Binary;
using Demix.Engine.Io.TfCheckpoint;

namespace Demix.Engine.Tests.Io;

/// <summary>
/// Test-side writer of a LevelDB table and of tensor-bundle protobuf messages, so the checkpoint reader
/// can be run end to end on synthetic checkpoints (prefix-compressed keys, restarts, optional Snappy).
/// </summary>
internal static class TfTableBuilder
{
    public static byte[] Table(IReadOnlyList<(byte[] Key, byte[] Value)> entries, int restartInterval, bool snappy)
    {
        using var file = new MemoryStream();
        var dataHandle = WriteBlock(file, Block(entries, restartInterval), snappy);
        var metaHandle = WriteBlock(file, Block([], 1), false);
        var index = Block([([.. entries[^1].Key, (byte)'~'], [.. Varint((ulong)dataHandle.Offset), .. Varint((ulong)dataHandle.Size)])], 1);
        var indexHandle = WriteBlock(file, index, false);
        var footer = new byte[48];
        byte[] handles = [.. Varint((ulong)metaHandle.Offset), .. Varint((ulong)metaHandle.Size), .. Varint((ulong)indexHandle.Offset), .. Varint((ulong)indexHandle.Size)];
        handles.CopyTo(footer, 0);
        BinaryPrimitives.WriteUInt64LittleEndian(footer.AsSpan(40), 0xdb4775248b80fb57);
        file.Write(footer);
        return file.ToArray();
    }

    public static byte[] Header(int shards) => [.. Field(1, Varint((ulong)shards)), .. Bytes(3, Field(1, Varint(1)))];

    public static byte[] Entry(int dtype, int[] shape, long offset, long size, uint maskedCrc)
    {
        byte[] shapeMessage = [.. shape.SelectMany(d => Bytes(2, Field(1, Varint((ulong)d))))];
        byte[] crc = new byte[5];
        crc[0] = (6 << 3) | 5;
        BinaryPrimitives.WriteUInt32LittleEndian(crc.AsSpan(1), maskedCrc);
        return [.. Field(1, Varint((ulong)dtype)), .. Bytes(2, shapeMessage), .. Field(4, Varint((ulong)offset)), .. Field(5, Varint((ulong)size)), .. crc];
    }

    public static byte[] Varint(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            byte b = (byte)(value & 0x7f);
            value >>= 7;
            bytes.Add(value != 0 ? (byte)(b | 0x80) : b);
        } while (value != 0);
        return [.. bytes];
    }

    /// <summary>A greedy Snappy encoder: copies (2-byte offsets, 4..64 bytes) where 4+ bytes repeat, literals elsewhere.</summary>
    public static byte[] SnappyCompress(byte[] input)
    {
        var output = new List<byte>(Varint((ulong)input.Length));
        int literalStart = 0, position = 0;
        while (position < input.Length)
        {
            var (offset, length) = LongestMatch(input, position);
            if (length < 4) { position++; continue; }
            Literal(output, input, literalStart, position);
            output.Add((byte)(((length - 1) << 2) | 2));
            output.Add((byte)offset);
            output.Add((byte)(offset >> 8));
            position += length;
            literalStart = position;
        }
        Literal(output, input, literalStart, position);
        return [.. output];
    }

    private static (int Offset, int Length) LongestMatch(byte[] input, int position)
    {
        (int Offset, int Length) best = (0, 0);
        for (int start = Math.Max(0, position - 65535); start < position; start++)
        {
            int length = 0;
            while (length < 64 && position + length < input.Length && input[start + length] == input[position + length]) length++;
            if (length > best.Length) best = (position - start, length);
        }
        return best;
    }

    private static void Literal(List<byte> output, byte[] input, int start, int end)
    {
        for (; start < end; start += 60)
        {
            int count = Math.Min(60, end - start);
            output.Add((byte)((count - 1) << 2));
            output.AddRange(input.AsSpan(start, count).ToArray());
        }
    }

    private static byte[] Block(IReadOnlyList<(byte[] Key, byte[] Value)> entries, int restartInterval)
    {
        var block = new List<byte>();
        var restarts = new List<int> { 0 };
        byte[] previous = [];
        for (int i = 0; i < entries.Count; i++)
        {
            var (key, value) = entries[i];
            if (i > 0 && i % restartInterval == 0) { restarts.Add(block.Count); previous = []; }
            int shared = 0;
            while (shared < previous.Length && shared < key.Length && previous[shared] == key[shared]) shared++;
            block.AddRange([.. Varint((ulong)shared), .. Varint((ulong)(key.Length - shared)), .. Varint((ulong)value.Length)]);
            block.AddRange(key.AsSpan(shared).ToArray());
            block.AddRange(value);
            previous = key;
        }
        foreach (int restart in restarts) block.AddRange(BitConverter.GetBytes(restart));
        block.AddRange(BitConverter.GetBytes(restarts.Count));
        return [.. block];
    }

    private static (long Offset, long Size) WriteBlock(MemoryStream file, byte[] contents, bool snappy)
    {
        byte[] stored = snappy ? SnappyCompress(contents) : contents;
        long offset = file.Position;
        file.Write(stored);
        byte type = snappy ? (byte)1 : (byte)0;
        file.WriteByte(type);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(crc, Crc32C.Mask(Crc32C.Compute([.. stored, type])));
        file.Write(crc);
        return (offset, stored.Length);
    }

    private static byte[] Field(int number, byte[] varint) => [.. Varint((ulong)(number << 3)), .. varint];

    private static byte[] Bytes(int number, byte[] message) => [.. Varint((ulong)((number << 3) | 2)), .. Varint((ulong)message.Length), .. message];
}
