using System.Buffers.Binary;
using System.Text;

namespace Demix.Audio;

/// <summary>
/// Parses the chunks of a RIFF/RF64/BW64 WAVE header up to the start of the data chunk. Unknown chunks
/// are skipped (with their odd-size pad byte); the stream is left positioned on the first sample.
/// Works on non-seekable streams too (pipes), skipping by reading.
/// </summary>
internal sealed class WavHeaderReader
{
    private const int MaxChunkCount = 10_000;
    private const int MaxFmtSize = 4096;

    private readonly Stream stream;
    private readonly string path;
    private readonly long? fileLength;
    private long position;

    private WavHeaderReader(Stream stream, string path)
    {
        this.stream = stream;
        this.path = path;
        fileLength = stream.CanSeek ? stream.Length - stream.Position : null;
    }

    /// <summary>Reads the header from the current position of <paramref name="stream"/>.</summary>
    /// <param name="path">The file name used in error messages.</param>
    /// <exception cref="AudioFormatException">The header is empty, truncated, corrupt or of an unsupported codec.</exception>
    public static WavHeader Read(Stream stream, string path) => new WavHeaderReader(stream, path).ReadHeader();

    /// <summary>True when the first 12 bytes are a RIFF, RF64 or BW64 header of type WAVE.</summary>
    public static bool IsWav(ReadOnlySpan<byte> first12Bytes) =>
        first12Bytes.Length >= 12 && IsRiffId(first12Bytes[..4]) && first12Bytes[8..12].SequenceEqual("WAVE"u8);

    /// <summary>True for a WAVE header, and for a file too short to say more than "RIFF" (a truncated WAV), so that
    /// our decoder reports it; other RIFF types (AVI) are not WAV.</summary>
    public static bool LooksLikeWav(ReadOnlySpan<byte> firstBytes) =>
        IsWav(firstBytes) || (firstBytes.Length is >= 4 and < 12 && IsRiffId(firstBytes[..4]));

    private static bool IsRiffId(ReadOnlySpan<byte> id) =>
        id.SequenceEqual("RIFF"u8) || id.SequenceEqual("RF64"u8) || id.SequenceEqual("BW64"u8);

    private WavHeader ReadHeader()
    {
        Span<byte> riff = stackalloc byte[12];
        int got = ReadUpTo(riff);
        if (got == 0) throw Fail("the file is empty (0 bytes).");
        if (got < 12) throw Fail($"truncated WAV header: the file has only {got} bytes.");
        if (!IsWav(riff)) throw Fail("not a WAV file: it does not start with a RIFF/RF64 'WAVE' header.");
        bool isRf64 = !riff[..4].SequenceEqual("RIFF"u8);
        return ReadChunks(isRf64);
    }

    private WavHeader ReadChunks(bool isRf64)
    {
        WavFmtChunk? fmt = null;
        long? ds64DataLength = null;
        Span<byte> chunkHeader = stackalloc byte[8];
        for (int chunk = 0; chunk < MaxChunkCount; chunk++)
        {
            long chunkStart = position;
            if (ReadUpTo(chunkHeader) < 8) throw Fail(NoDataChunk(chunkStart));
            string id = ChunkId(chunkHeader[..4], chunkStart);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader[4..]);
            switch (id)
            {
                case "fmt ":
                    fmt = WavFmtChunk.Parse(ReadBody(id, size, MaxFmtSize), path);
                    break;
                case "ds64":
                    ds64DataLength = ReadDs64(ReadBody(id, size, MaxFmtSize));
                    break;
                case "data":
                    return DataHeader(fmt, isRf64, ds64DataLength, size);
                default:
                    Skip(id, size, chunkStart);
                    break;
            }
        }
        throw Fail($"corrupt WAV header: more than {MaxChunkCount} chunks before the data chunk.");
    }

    private WavHeader DataHeader(WavFmtChunk? fmt, bool isRf64, long? ds64DataLength, uint size)
    {
        if (fmt is null) throw Fail("corrupt WAV header: the data chunk comes before any fmt chunk.");
        long? dataLength = size is 0 or uint.MaxValue ? null : size;
        if (isRf64 && size == uint.MaxValue)
        {
            dataLength = ds64DataLength ?? throw Fail("corrupt RF64 header: the data size is in a ds64 chunk, which is missing.");
        }
        var format = new AudioFormat(fmt.SampleRate, fmt.ChannelCount);
        return new WavHeader(format, fmt.SampleFormat, fmt.FormatTag, isRf64, position, dataLength);
    }

    private long ReadDs64(byte[] body)
    {
        if (body.Length < 24) throw Fail($"corrupt RF64 header: the ds64 chunk has {body.Length} bytes, fewer than 24.");
        long dataLength = BinaryPrimitives.ReadInt64LittleEndian(body.AsSpan(8));
        if (dataLength < 0) throw Fail($"corrupt RF64 header: the ds64 chunk declares a negative data size.");
        return dataLength;
    }

    private string ChunkId(ReadOnlySpan<byte> id, long chunkStart)
    {
        foreach (byte b in id)
        {
            if (b < 0x20 || b > 0x7E) throw Fail($"corrupt WAV header: unreadable chunk id at byte {chunkStart}.");
        }
        return Encoding.ASCII.GetString(id);
    }

    private byte[] ReadBody(string id, uint size, int maxSize)
    {
        if (size > maxSize) throw Fail($"corrupt WAV header: the '{id.Trim()}' chunk declares {size} bytes, an absurd size.");
        var body = new byte[size];
        if (ReadUpTo(body) < size) throw Fail($"truncated WAV header: the file ends inside the '{id.Trim()}' chunk.");
        if ((size & 1) != 0) ReadUpTo(stackalloc byte[1]);
        return body;
    }

    private void Skip(string id, uint size, long chunkStart)
    {
        long skip = size + (size & 1L);
        if (fileLength is long length && position + size > length)
        {
            throw Fail($"corrupt WAV header: the '{id.Trim()}' chunk at byte {chunkStart} declares {size} bytes, " +
                $"beyond the end of the file ({length} bytes).");
        }
        if (stream.CanSeek)
        {
            stream.Seek(skip, SeekOrigin.Current);
            position += skip;
            return;
        }
        Span<byte> scratch = stackalloc byte[4096];
        while (skip > 0)
        {
            int got = ReadUpTo(scratch[..(int)Math.Min(skip, scratch.Length)]);
            if (got == 0) throw Fail(NoDataChunk(chunkStart));
            skip -= got;
        }
    }

    private int ReadUpTo(Span<byte> buffer)
    {
        int got = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        position += got;
        return got;
    }

    private static string NoDataChunk(long offset) =>
        $"truncated or corrupt WAV header: the file ends at byte {offset} before any data chunk.";

    private AudioFormatException Fail(string problem) => new(path, problem);
}
