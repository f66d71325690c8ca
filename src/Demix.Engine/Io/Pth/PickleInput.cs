using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Demix.Engine.Io.Pth;

/// <summary>
/// Reads the operands of pickle opcodes from a stream, refusing lengths that run past the end of a
/// seekable stream (so a corrupt length never allocates gigabytes).
/// </summary>
internal sealed class PickleInput(Stream stream, string file)
{
    private readonly long start = stream.CanSeek ? stream.Position : 0;

    /// <summary>The byte position relative to where unpickling started.</summary>
    public long Position => stream.CanSeek ? stream.Position - start : -1;

    public string File => file;

    public byte ReadByte()
    {
        int value = stream.ReadByte();
        return value < 0 ? throw Error("the pickle ends before its STOP opcode") : (byte)value;
    }

    public byte[] ReadBytes(long count)
    {
        if (count < 0 || count > Array.MaxLength || (stream.CanSeek && count > stream.Length - stream.Position))
            throw Error($"an operand of {count} bytes runs past the end of the pickle");
        var bytes = new byte[count];
        try { stream.ReadExactly(bytes); }
        catch (EndOfStreamException e) { throw new WeightFileException(file, "the pickle ends inside an operand", e); }
        return bytes;
    }

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(ReadBytes(2));

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4));

    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8));

    /// <summary>BINFLOAT: a big-endian IEEE double.</summary>
    public double ReadBigEndianDouble() => BinaryPrimitives.ReadDoubleBigEndian(ReadBytes(8));

    /// <summary>UTF-8 text of the given byte length.</summary>
    public string ReadUtf8(long byteCount) => Encoding.UTF8.GetString(ReadBytes(byteCount));

    /// <summary>LONG1: a little-endian two's-complement integer of n bytes; a long when it fits, else a BigInteger.</summary>
    public object ReadLong1()
    {
        byte[] bytes = ReadBytes(ReadByte());
        var value = new BigInteger(bytes, isUnsigned: false, isBigEndian: false);
        return value >= long.MinValue && value <= long.MaxValue ? (long)value : value;
    }

    /// <summary>A newline-terminated ASCII line (the operands of GLOBAL), at most 256 bytes.</summary>
    public string ReadLine()
    {
        var builder = new StringBuilder();
        for (byte b = ReadByte(); b != (byte)'\n'; b = ReadByte())
        {
            if (builder.Length >= 256 || b > 127) throw Error("a GLOBAL operand is not a short ASCII line");
            builder.Append((char)b);
        }
        return builder.ToString();
    }

    public WeightFileException Error(string problem) =>
        new(file, Position >= 0 ? $"{problem} (pickle byte {Position})" : problem);
}
