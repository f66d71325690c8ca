using System.Buffers.Binary;

namespace Demix.Audio;

/// <summary>
/// Lays out the header a <see cref="WavWriter"/> writes, and patches its sizes when the data is complete.
/// </summary>
/// <remarks>
/// Layout: <c>RIFF size WAVE</c>, then (seekable outputs only) a 28-byte <c>JUNK</c> chunk that reserves room
/// for an RF64 <c>ds64</c> chunk, then <c>fmt </c> (16 bytes for PCM, 18 for float, 40 bytes
/// WAVE_FORMAT_EXTENSIBLE with a speaker mask for more than 2 channels), then <c>data</c>. Outputs over 4 GiB
/// become RF64 when the sizes are patched. Non-seekable outputs declare sizes of 0xFFFFFFFF (a streamed WAV).
/// </remarks>
internal static class WavHeaderWriter
{
    private const int Ds64BodySize = 28;
    private static readonly byte[] SubFormatGuidTail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>The header bytes, with sizes to patch later (or 0xFFFFFFFF when <paramref name="reserveDs64"/> is false).</summary>
    public static byte[] Build(AudioFormat format, WavSampleFormat sampleFormat, bool reserveDs64)
    {
        byte[] fmt = FmtBody(format, sampleFormat);
        int junkSize = reserveDs64 ? 8 + Ds64BodySize : 0;
        var header = new byte[12 + junkSize + 8 + fmt.Length + 8];
        var span = header.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], uint.MaxValue);
        "WAVE"u8.CopyTo(span[8..]);
        if (reserveDs64)
        {
            "JUNK"u8.CopyTo(span[12..]);
            BinaryPrimitives.WriteUInt32LittleEndian(span[16..], Ds64BodySize);
        }
        int at = 12 + junkSize;
        "fmt "u8.CopyTo(span[at..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 4)..], (uint)fmt.Length);
        fmt.CopyTo(span[(at + 8)..]);
        at += 8 + fmt.Length;
        "data"u8.CopyTo(span[at..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 4)..], uint.MaxValue);
        return header;
    }

    /// <summary>Rewrites the sizes of a complete seekable output (RIFF, or RF64 when it exceeds 4 GiB).</summary>
    /// <param name="stream">The output, positioned at its end; the position is restored afterwards.</param>
    /// <param name="headerLength">Bytes of the header <see cref="Build"/> made (with the ds64 reservation).</param>
    /// <param name="dataLength">Bytes of samples written (without the pad byte).</param>
    /// <param name="frameCount">Sample frames written.</param>
    public static void Patch(Stream stream, int headerLength, long dataLength, long frameCount) =>
        Patch(stream, headerLength, dataLength, frameCount, stream.Position);

    /// <summary>As above, with the file length given (lets tests patch a 5 GB header without writing 5 GB).</summary>
    internal static void Patch(Stream stream, int headerLength, long dataLength, long frameCount, long fileLength)
    {
        long end = stream.Position;
        long riffSize = fileLength - 8;
        Span<byte> value = stackalloc byte[4];
        if (riffSize <= uint.MaxValue)
        {
            WriteAt(stream, 4, value, (uint)riffSize);
            WriteAt(stream, headerLength - 4, value, (uint)dataLength);
        }
        else
        {
            Span<byte> ds64 = stackalloc byte[8 + Ds64BodySize];
            "ds64"u8.CopyTo(ds64);
            BinaryPrimitives.WriteUInt32LittleEndian(ds64[4..], Ds64BodySize);
            BinaryPrimitives.WriteInt64LittleEndian(ds64[8..], riffSize);
            BinaryPrimitives.WriteInt64LittleEndian(ds64[16..], dataLength);
            BinaryPrimitives.WriteInt64LittleEndian(ds64[24..], frameCount);
            stream.Position = 0;
            stream.Write("RF64"u8);
            stream.Position = 12;
            stream.Write(ds64);
        }
        stream.Position = end;
    }

    private static void WriteAt(Stream stream, long offset, Span<byte> scratch, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(scratch, value);
        stream.Position = offset;
        stream.Write(scratch);
    }

    private static byte[] FmtBody(AudioFormat format, WavSampleFormat sampleFormat)
    {
        bool extensible = format.ChannelCount > 2;
        int codec = sampleFormat.IsFloat() ? WavFormatTags.IeeeFloat : WavFormatTags.Pcm;
        int bytesPerSample = sampleFormat.BytesPerSample();
        int blockAlign = bytesPerSample * format.ChannelCount;
        var body = new byte[extensible ? 40 : codec == WavFormatTags.IeeeFloat ? 18 : 16];
        var span = body.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)(extensible ? WavFormatTags.Extensible : codec));
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], (ushort)format.ChannelCount);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)format.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], (uint)(format.SampleRate * (long)blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(span[14..], (ushort)(bytesPerSample * 8));
        if (!extensible) return body;
        BinaryPrimitives.WriteUInt16LittleEndian(span[16..], 22);
        BinaryPrimitives.WriteUInt16LittleEndian(span[18..], (ushort)(bytesPerSample * 8));
        BinaryPrimitives.WriteUInt32LittleEndian(span[20..], SpeakerMask(format.ChannelCount));
        BinaryPrimitives.WriteUInt16LittleEndian(span[24..], (ushort)codec);
        SubFormatGuidTail.CopyTo(span[26..]);
        return body;
    }

    /// <summary>The usual speaker layout per channel count (3.0, quad, 5.0, 5.1, 6.1, 7.1), 0 otherwise.</summary>
    private static uint SpeakerMask(int channelCount) => channelCount switch
    {
        3 => 0x7,
        4 => 0x33,
        5 => 0x37,
        6 => 0x3F,
        7 => 0x13F,
        8 => 0x63F,
        _ => 0,
    };
}
