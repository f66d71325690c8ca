namespace Demix.Engine.Io.TfCheckpoint;

/// <summary>The BundleHeaderProto stored under the empty key of a V2 checkpoint index.</summary>
/// <param name="ShardCount">How many data files (<c>.data-0000k-of-0000n</c>) the checkpoint has.</param>
/// <param name="IsLittleEndian">Endianness of the data files (only little-endian is readable).</param>
/// <param name="Producer">The <c>version.producer</c> field.</param>
public sealed record TfBundleHeader(int ShardCount, bool IsLittleEndian, int Producer);

/// <summary>One BundleEntryProto: where a tensor's bytes lie in the data files.</summary>
/// <param name="Name">The TensorFlow variable name, e.g. <c>conv2d_1/kernel</c>.</param>
/// <param name="Shape">Dimensions in TensorFlow's layout (Conv2D kernels are [kh, kw, in, out]); empty for a scalar.</param>
/// <param name="ShardId">Which data file holds the bytes.</param>
/// <param name="Offset">Byte offset in that data file.</param>
/// <param name="Size">Byte length.</param>
/// <param name="MaskedCrc32C">LevelDB-masked CRC-32C of the bytes.</param>
public sealed record TfTensorEntry(string Name, TfDataType DataType, int[] Shape, int ShardId, long Offset, long Size, uint MaskedCrc32C);

/// <summary>Decodes the BundleHeaderProto and BundleEntryProto messages (tensorflow/core/protobuf/tensor_bundle.proto).</summary>
internal static class TfBundleProtos
{
    /// <summary>Fields: 1 num_shards, 2 endianness (0 little, 1 big), 3 version (VersionDef: 1 producer).</summary>
    public static TfBundleHeader ParseHeader(ReadOnlySpan<byte> message)
    {
        var reader = new ProtoReader(message);
        int shards = 0, producer = 0;
        bool little = true;
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1: ProtoReader.Expect(field, wire, ProtoReader.Varint); shards = (int)reader.ReadVarint(); break;
                case 2: ProtoReader.Expect(field, wire, ProtoReader.Varint); little = reader.ReadVarint() == 0; break;
                case 3: ProtoReader.Expect(field, wire, ProtoReader.LengthDelimited); producer = ParseProducer(reader.ReadBytes()); break;
                default: reader.Skip(wire); break;
            }
        }
        return new TfBundleHeader(shards, little, producer);
    }

    /// <summary>Fields: 1 dtype, 2 shape, 3 shard_id, 4 offset, 5 size, 6 crc32c (fixed32), 7 slices (refused).</summary>
    public static TfTensorEntry ParseEntry(string name, ReadOnlySpan<byte> message)
    {
        var reader = new ProtoReader(message);
        var entry = new TfTensorEntry(name, TfDataType.Invalid, [], 0, 0, 0, 0);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            entry = field switch
            {
                1 => entry with { DataType = (TfDataType)(int)ReadVarint(ref reader, field, wire) },
                2 => entry with { Shape = ParseShape(ReadMessage(ref reader, field, wire)) },
                3 => entry with { ShardId = checked((int)ReadVarint(ref reader, field, wire)) },
                4 => entry with { Offset = checked((long)ReadVarint(ref reader, field, wire)) },
                5 => entry with { Size = checked((long)ReadVarint(ref reader, field, wire)) },
                6 => entry with { MaskedCrc32C = ReadFixed32(ref reader, field, wire) },
                7 => throw new FormatException($"tensor '{name}' is partitioned into slices, which is not supported"),
                _ => Skip(ref reader, wire, entry),
            };
        }
        return entry;
    }

    /// <summary>TensorShapeProto: repeated 2 dim (Dim: 1 size, 2 name), 3 unknown_rank.</summary>
    private static int[] ParseShape(ReadOnlySpan<byte> message)
    {
        var reader = new ProtoReader(message);
        var dimensions = new List<long>();
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 2) dimensions.Add(ParseDimension(ReadMessage(ref reader, field, wire)));
            else if (field == 3 && wire == ProtoReader.Varint && reader.ReadVarint() != 0) throw new FormatException("a tensor shape has unknown rank");
            else if (field != 3) reader.Skip(wire);
        }
        return ShapeMath.ToIntShape(dimensions, problem => new FormatException(problem));
    }

    private static long ParseDimension(ReadOnlySpan<byte> message)
    {
        var reader = new ProtoReader(message);
        long size = 0;
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 1) size = (long)ReadVarint(ref reader, field, wire);
            else reader.Skip(wire);
        }
        return size;
    }

    private static int ParseProducer(ReadOnlySpan<byte> message)
    {
        var reader = new ProtoReader(message);
        int producer = 0;
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 1) producer = (int)ReadVarint(ref reader, field, wire);
            else reader.Skip(wire);
        }
        return producer;
    }

    private static ulong ReadVarint(ref ProtoReader reader, int field, int wire)
    {
        ProtoReader.Expect(field, wire, ProtoReader.Varint);
        return reader.ReadVarint();
    }

    private static uint ReadFixed32(ref ProtoReader reader, int field, int wire)
    {
        ProtoReader.Expect(field, wire, ProtoReader.Fixed32);
        return reader.ReadFixed32();
    }

    private static ReadOnlySpan<byte> ReadMessage(ref ProtoReader reader, int field, int wire)
    {
        ProtoReader.Expect(field, wire, ProtoReader.LengthDelimited);
        return reader.ReadBytes();
    }

    private static TfTensorEntry Skip(ref ProtoReader reader, int wire, TfTensorEntry entry)
    {
        reader.Skip(wire);
        return entry;
    }
}
