using System.Buffers.Binary;
using System.Text;

namespace Demix.Engine.Io.TfCheckpoint;

/// <summary>
/// A minimal reader of the protobuf wire format (varints, fixed32/64 and length-delimited fields),
/// enough for TensorFlow's BundleHeaderProto, BundleEntryProto and TensorShapeProto. Unknown
/// fields are skipped; malformed input throws <see cref="FormatException"/>.
/// </summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> data)
{
    /// <summary>Wire type 0: varint.</summary>
    public const int Varint = 0;
    /// <summary>Wire type 1: 64-bit little-endian.</summary>
    public const int Fixed64 = 1;
    /// <summary>Wire type 2: length-delimited.</summary>
    public const int LengthDelimited = 2;
    /// <summary>Wire type 5: 32-bit little-endian.</summary>
    public const int Fixed32 = 5;

    private readonly ReadOnlySpan<byte> data = data;
    private int position;

    public readonly bool AtEnd => position >= data.Length;

    /// <summary>Reads a field key: the field number and its wire type.</summary>
    public (int Field, int WireType) ReadTag()
    {
        ulong key = ReadVarint();
        if (key >> 3 is 0 or > int.MaxValue) throw new FormatException($"invalid protobuf field number {key >> 3}");
        return ((int)(key >> 3), (int)(key & 7));
    }

    /// <summary>A base-128 varint of at most 10 bytes.</summary>
    public ulong ReadVarint()
    {
        ulong value = Varints.Read(data, ref position);
        return value;
    }

    public uint ReadFixed32()
    {
        Need(4);
        uint value = BinaryPrimitives.ReadUInt32LittleEndian(data[position..]);
        position += 4;
        return value;
    }

    public ReadOnlySpan<byte> ReadBytes()
    {
        ulong length = ReadVarint();
        if (length > (ulong)(data.Length - position)) throw new FormatException("a protobuf length runs past the end of the message");
        var bytes = data.Slice(position, (int)length);
        position += (int)length;
        return bytes;
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadBytes());

    /// <summary>Skips a field's value of the given wire type.</summary>
    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case Varint: ReadVarint(); break;
            case Fixed64: Need(8); position += 8; break;
            case LengthDelimited: ReadBytes(); break;
            case Fixed32: Need(4); position += 4; break;
            default: throw new FormatException($"unsupported protobuf wire type {wireType}");
        }
    }

    /// <summary>Checks the wire type of a known field.</summary>
    public static void Expect(int field, int wireType, int expected)
    {
        if (wireType != expected) throw new FormatException($"protobuf field {field} has wire type {wireType}, expected {expected}");
    }

    private readonly void Need(int count)
    {
        if (data.Length - position < count) throw new FormatException("a protobuf value runs past the end of the message");
    }
}
