using System.Buffers.Binary;

namespace Demix.Engine.Io.TfCheckpoint;

/// <summary>A LevelDB block handle: where a block's contents lie in the table file.</summary>
internal readonly record struct BlockHandle(ulong Offset, ulong Size);

/// <summary>
/// Reads every key/value pair of a LevelDB-format table (the format of TensorFlow's <c>.index</c> files):
/// a 48-byte footer (metaindex and index block handles as varints, padding, magic 0xdb4775248b80fb57);
/// the index block maps separator keys to data block handles; every block is followed by a 5-byte
/// trailer (compression type 0 = none or 1 = Snappy, masked CRC-32C of contents + type), and holds
/// prefix-compressed entries <c>varint shared, varint unshared, varint value_length, key delta, value</c>
/// followed by a u32 restart array and its u32 count.
/// </summary>
internal static class SsTable
{
    public const ulong Magic = 0xdb4775248b80fb57;
    private const int FooterBytes = 48;
    private const int TrailerBytes = 5;

    /// <summary>All entries of all data blocks, in table order (keys strictly increasing).</summary>
    public static List<KeyValuePair<byte[], byte[]>> ReadAll(byte[] table, string file)
    {
        try
        {
            var indexHandle = ReadFooter(table, file);
            var result = new List<KeyValuePair<byte[], byte[]>>();
            foreach (var (_, handleBytes) in ParseBlock(ReadBlock(table, indexHandle, "index", file), "index", file))
            {
                int position = 0;
                var handle = new BlockHandle(Varints.Read(handleBytes, ref position), Varints.Read(handleBytes, ref position));
                result.AddRange(ParseBlock(ReadBlock(table, handle, "data", file), "data", file));
            }
            CheckOrder(result, file);
            return result;
        }
        catch (FormatException e) { throw new WeightFileException(file, $"malformed table: {e.Message}", e); }
    }

    private static BlockHandle ReadFooter(byte[] table, string file)
    {
        if (table.Length < FooterBytes) throw new WeightFileException(file, $"too short for a table file ({table.Length} bytes)");
        var footer = table.AsSpan(table.Length - FooterBytes);
        if (BinaryPrimitives.ReadUInt64LittleEndian(footer[40..]) != Magic)
            throw new WeightFileException(file, "the table magic number is missing, so this is not a TensorFlow checkpoint index");
        int position = 0;
        Varints.Read(footer, ref position);
        Varints.Read(footer, ref position);
        return new BlockHandle(Varints.Read(footer, ref position), Varints.Read(footer, ref position));
    }

    /// <summary>Checks the trailer's CRC and returns the (decompressed) block contents.</summary>
    private static byte[] ReadBlock(byte[] table, BlockHandle handle, string what, string file)
    {
        ulong limit = (ulong)(table.Length - FooterBytes);
        if (handle.Offset > limit || handle.Size > limit - handle.Offset || handle.Offset + handle.Size + TrailerBytes > limit)
            throw new WeightFileException(file, $"{what} block ({handle.Offset}, {handle.Size}) lies outside the file");
        var contents = table.AsSpan((int)handle.Offset, (int)handle.Size);
        byte type = table[(int)(handle.Offset + handle.Size)];
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(table.AsSpan((int)(handle.Offset + handle.Size + 1)));
        uint actual = Crc32C.Mask(Crc32C.Compute(table.AsSpan((int)handle.Offset, (int)handle.Size + 1)));
        if (stored != actual)
            throw new WeightFileException(file, $"{what} block at {handle.Offset} fails its CRC check (stored 0x{stored:x8}, computed 0x{actual:x8})");
        return type switch
        {
            0 => contents.ToArray(),
            1 => Snappy.Decompress(contents),
            _ => throw new WeightFileException(file, $"{what} block at {handle.Offset} uses compression type {type}, which is not supported"),
        };
    }

    private static List<KeyValuePair<byte[], byte[]>> ParseBlock(byte[] block, string what, string file)
    {
        if (block.Length < 4) throw new FormatException($"{what} block shorter than its restart count");
        uint restartCount = BinaryPrimitives.ReadUInt32LittleEndian(block.AsSpan(block.Length - 4));
        if (restartCount == 0 || restartCount > (uint)(block.Length - 4) / 4) throw new FormatException($"{what} block has {restartCount} restart points");
        int end = block.Length - 4 - (int)restartCount * 4;
        var entries = new List<KeyValuePair<byte[], byte[]>>();
        byte[] previous = [];
        for (int position = 0; position < end;)
        {
            uint shared = Varints.Read32(block, ref position);
            uint unshared = Varints.Read32(block, ref position);
            uint valueLength = Varints.Read32(block, ref position);
            if (shared > previous.Length || unshared > end - position || valueLength > end - position - unshared)
                throw new FormatException($"{what} block entry {entries.Count} at byte {position} has inconsistent lengths");
            var key = new byte[shared + unshared];
            previous.AsSpan(0, (int)shared).CopyTo(key);
            block.AsSpan(position, (int)unshared).CopyTo(key.AsSpan((int)shared));
            position += (int)unshared;
            entries.Add(new(key, block.AsSpan(position, (int)valueLength).ToArray()));
            position += (int)valueLength;
            previous = key;
        }
        return entries;
    }

    private static void CheckOrder(List<KeyValuePair<byte[], byte[]>> entries, string file)
    {
        for (int i = 1; i < entries.Count; i++)
        {
            if (entries[i - 1].Key.AsSpan().SequenceCompareTo(entries[i].Key) >= 0)
                throw new WeightFileException(file, $"table keys are not strictly increasing at entry {i}");
        }
    }
}
