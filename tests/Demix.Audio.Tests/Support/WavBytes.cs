using System.Buffers.Binary;
using System.Text;

namespace Demix.Audio.Tests;

/// <summary>Builds WAV files byte by byte, independently of the library's writer, to craft edge cases.</summary>
internal sealed class WavBytes
{
    private readonly MemoryStream body = new();
    private readonly string riffId;

    public WavBytes(string riffId = "RIFF") => this.riffId = riffId;

    /// <summary>A plain 16-byte fmt chunk.</summary>
    public WavBytes Fmt(int tag, int channels, int sampleRate, int bitsPerSample)
    {
        var fmt = new byte[16];
        int blockAlign = channels * bitsPerSample / 8;
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, (ushort)tag);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(4), sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(8), sampleRate * blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), (ushort)bitsPerSample);
        return Chunk("fmt ", fmt);
    }

    /// <summary>A 40-byte WAVE_FORMAT_EXTENSIBLE fmt chunk whose sub-format is <paramref name="subTag"/>.</summary>
    public WavBytes FmtExtensible(int subTag, int channels, int sampleRate, int containerBits, int validBits)
    {
        var fmt = new byte[40];
        int blockAlign = channels * containerBits / 8;
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(4), sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(8), sampleRate * blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), (ushort)containerBits);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(16), 22);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(18), (ushort)validBits);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(24), (ushort)subTag);
        byte[] tail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
        tail.CopyTo(fmt, 26);
        return Chunk("fmt ", fmt);
    }

    /// <summary>A chunk with its true size and a pad byte when odd.</summary>
    public WavBytes Chunk(string id, byte[] data) => Chunk(id, data, (uint)data.Length, pad: true);

    /// <summary>A chunk declaring <paramref name="declaredSize"/> whatever its data holds.</summary>
    public WavBytes Chunk(string id, byte[] data, uint declaredSize, bool pad)
    {
        body.Write(Encoding.ASCII.GetBytes(id));
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, declaredSize);
        body.Write(size);
        body.Write(data);
        if (pad && (data.Length & 1) != 0) body.WriteByte(0);
        return this;
    }

    /// <summary>Raw bytes appended as they are.</summary>
    public WavBytes Raw(byte[] data)
    {
        body.Write(data);
        return this;
    }

    public byte[] ToArray()
    {
        var result = new byte[12 + body.Length];
        Encoding.ASCII.GetBytes(riffId).CopyTo(result, 0);
        uint riffSize = riffId == "RIFF" ? (uint)(4 + body.Length) : uint.MaxValue;
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4), riffSize);
        "WAVE"u8.ToArray().CopyTo(result, 8);
        body.ToArray().CopyTo(result, 12);
        return result;
    }

    /// <summary>Little-endian int16 samples as bytes.</summary>
    public static byte[] Pcm16(params short[] samples)
    {
        var bytes = new byte[samples.Length * 2];
        for (int i = 0; i < samples.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), samples[i]);
        return bytes;
    }
}
