using System.Buffers.Binary;
using System.Text;

namespace Demix.Engine.Tests.Io;

/// <summary>Writes pickle opcodes byte by byte, so tests can build .pth files without Python.</summary>
internal sealed class PickleBuilder
{
    private readonly MemoryStream bytes = new();

    public PickleBuilder Op(char opcode) => Byte((byte)opcode);

    public PickleBuilder Byte(byte value)
    {
        bytes.WriteByte(value);
        return this;
    }

    public PickleBuilder Proto(byte version) => Byte(0x80).Byte(version);

    public PickleBuilder Global(string module, string name) => Op('c').Ascii(module + "\n" + name + "\n");

    public PickleBuilder StackGlobal(string module, string name) => ShortString(module).ShortString(name).Byte(0x93);

    public PickleBuilder String(string value)
    {
        var utf8 = Encoding.UTF8.GetBytes(value);
        Op('X');
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)utf8.Length);
        bytes.Write(length);
        bytes.Write(utf8);
        return this;
    }

    public PickleBuilder ShortString(string value)
    {
        var utf8 = Encoding.UTF8.GetBytes(value);
        Byte(0x8c).Byte((byte)utf8.Length);
        bytes.Write(utf8);
        return this;
    }

    /// <summary>BININT1, BININT2 or BININT depending on the value.</summary>
    public PickleBuilder Int(int value)
    {
        if (value is >= 0 and < 256) return Op('K').Byte((byte)value);
        if (value is >= 0 and < 65536) return Op('M').Byte((byte)value).Byte((byte)(value >> 8));
        Op('J');
        Span<byte> data = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(data, value);
        bytes.Write(data);
        return this;
    }

    /// <summary>LONG1 with the given little-endian two's-complement bytes.</summary>
    public PickleBuilder Long1(byte[] littleEndian)
    {
        Byte(0x8a).Byte((byte)littleEndian.Length);
        bytes.Write(littleEndian);
        return this;
    }

    public PickleBuilder Tuple(params Action<PickleBuilder>[] items)
    {
        Op('(');
        foreach (var item in items) item(this);
        return Op('t');
    }

    /// <summary>
    /// A persistent id ('storage', torch.&lt;type&gt;, key, 'cpu', numel) followed by BINPERSID; the legacy form adds
    /// view metadata: None, or (view key, element offset, view numel) when <paramref name="view"/> is given.
    /// </summary>
    public PickleBuilder Storage(string type, string key, int count, bool legacy = false, (int Offset, int Count)? view = null)
    {
        Op('(').String("storage").Global("torch", type).String(key).String("cpu").Int(count);
        if (view is { } v) String(key + "_view").Int(v.Offset).Int(v.Count).Byte(0x87);
        else if (legacy) Op('N');
        return Op('t').Op('Q');
    }

    /// <summary>_rebuild_tensor_v2(storage, offset, size, stride, False, OrderedDict()) followed by REDUCE.</summary>
    public PickleBuilder Tensor(string type, string key, int count, int offset, int[] size, int[] stride, bool legacy = false, (int Offset, int Count)? view = null)
    {
        Global("torch._utils", "_rebuild_tensor_v2").Op('(');
        Storage(type, key, count, legacy, view).Int(offset);
        Op('(');
        foreach (int s in size) Int(s);
        Op('t').Op('(');
        foreach (int s in stride) Int(s);
        Op('t').Byte(0x89).Global("collections", "OrderedDict").Op(')').Op('R');
        return Op('t').Op('R');
    }

    public PickleBuilder Ascii(string text)
    {
        bytes.Write(Encoding.ASCII.GetBytes(text));
        return this;
    }

    public PickleBuilder Raw(byte[] data)
    {
        bytes.Write(data);
        return this;
    }

    public byte[] ToArray() => bytes.ToArray();
}
