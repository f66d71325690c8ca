using System.Buffers.Binary;

namespace Demix.Imaging.Png;

/// <summary>
/// Walks the chunks of a PNG file held in memory, checking the signature, every length against
/// the bytes left, and every CRC.
/// </summary>
internal ref struct PngChunkReader
{
    private readonly ReadOnlySpan<byte> file;
    private readonly string sourceName;
    private int position;

    public PngChunkReader(ReadOnlySpan<byte> file, string sourceName)
    {
        this.file = file;
        this.sourceName = sourceName;
        if (file.Length < 8 || !file[..8].SequenceEqual(PngEncoder.Signature))
        {
            throw new PngFormatException(sourceName, "not a PNG file (bad signature)");
        }
        position = 8;
    }

    /// <summary>Four-letter type of the current chunk.</summary>
    public string Type { get; private set; } = "";

    /// <summary>Data of the current chunk.</summary>
    public ReadOnlySpan<byte> Data { get; private set; }

    /// <summary>Moves to the next chunk; false at the end of the file.</summary>
    public bool MoveNext()
    {
        if (position == file.Length) return false;
        if (file.Length - position < 12)
        {
            throw new PngFormatException(sourceName, $"truncated: {file.Length - position} stray bytes at offset {position}");
        }
        uint length = BinaryPrimitives.ReadUInt32BigEndian(file[position..]);
        Type = string.Create(4, file.Slice(position + 4, 4).ToArray(), (span, bytes) =>
        {
            for (int i = 0; i < 4; i++) span[i] = (char)bytes[i];
        });
        long available = file.Length - position - 12L;
        if (length > available)
        {
            throw new PngFormatException(sourceName,
                $"truncated: chunk '{Type}' at offset {position} declares {length} bytes, {Math.Max(0, available)} remain");
        }
        ReadOnlySpan<byte> typeAndData = file.Slice(position + 4, 4 + (int)length);
        uint storedCrc = BinaryPrimitives.ReadUInt32BigEndian(file[(position + 8 + (int)length)..]);
        uint actualCrc = Crc32.Compute(typeAndData);
        if (storedCrc != actualCrc)
        {
            throw new PngFormatException(sourceName,
                $"bad CRC in chunk '{Type}' at offset {position} (stored 0x{storedCrc:X8}, computed 0x{actualCrc:X8})");
        }
        Data = typeAndData[4..];
        position += 12 + (int)length;
        return true;
    }
}
