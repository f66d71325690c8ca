using System.Buffers.Binary;
using System.IO.Compression;

namespace Demix.Imaging.Png;

/// <summary>
/// Writes a <see cref="PixelImage"/> as a non-interlaced PNG: IHDR, IDAT (zlib through
/// <see cref="ZLibStream"/>, split into chunks of at most <see cref="MaxIdatBytes"/>), IEND.
/// Each row gets the filter with the smallest sum of absolute differences. Optional text pairs are
/// written as tEXt chunks (Latin-1), e.g. the value range of a dataset image, so files describe themselves.
/// </summary>
public static class PngEncoder
{
    /// <summary>Largest IDAT chunk written.</summary>
    public const int MaxIdatBytes = 1 << 16;

    private static long saveCounter;

    internal static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Writes <paramref name="image"/> to <paramref name="path"/> through a temporary file and a rename.</summary>
    public static void Save(PixelImage image, string path, CompressionLevel level = CompressionLevel.Optimal,
        IReadOnlyDictionary<string, string>? text = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        string fullPath = Path.GetFullPath(path);
        // Unique per process and call, so concurrent saves never share a temporary file.
        string temporaryPath = $"{fullPath}.{Environment.ProcessId}-{Interlocked.Increment(ref saveCounter)}.tmp";
        try
        {
            using (var file = new FileStream(temporaryPath, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                Encode(image, file, level, text);
            }
            File.Move(temporaryPath, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temporaryPath);
            throw;
        }
    }

    /// <summary>The PNG file bytes of <paramref name="image"/>.</summary>
    public static byte[] Encode(PixelImage image, CompressionLevel level = CompressionLevel.Optimal,
        IReadOnlyDictionary<string, string>? text = null)
    {
        using var memory = new MemoryStream();
        Encode(image, memory, level, text);
        return memory.ToArray();
    }

    /// <summary>Writes the PNG file bytes of <paramref name="image"/> to <paramref name="output"/>.</summary>
    public static void Encode(PixelImage image, Stream output, CompressionLevel level = CompressionLevel.Optimal,
        IReadOnlyDictionary<string, string>? text = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(output);
        byte[][] textChunks = [.. (text ?? new Dictionary<string, string>()).Select(pair => PngText.Encode(pair.Key, pair.Value))];
        output.Write(Signature);
        WriteChunk(output, "IHDR", Header(image));
        foreach (byte[] chunk in textChunks) WriteChunk(output, "tEXt", chunk);
        WriteImageData(image, output, level);
        WriteChunk(output, "IEND", []);
    }

    private static byte[] Header(PixelImage image)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), image.Height);
        (header[8], header[9]) = image.Format switch
        {
            PixelFormat.Grey8 => ((byte)8, (byte)0),
            PixelFormat.Grey16 => ((byte)16, (byte)0),
            PixelFormat.Rgb8 => ((byte)8, (byte)2),
            PixelFormat.Rgba8 => ((byte)8, (byte)6),
            _ => throw new ArgumentOutOfRangeException(nameof(image), image.Format, "Unknown pixel format."),
        };
        // Bytes 10..12: compression 0 (deflate), filter method 0 (adaptive), interlace 0 (none).
        return header;
    }

    private static void WriteImageData(PixelImage image, Stream output, CompressionLevel level)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, level, leaveOpen: true))
        {
            int stride = image.Stride;
            int bytesPerPixel = image.Format.BytesPerPixel();
            var filtered = new byte[stride + 1];
            var scratch = new byte[stride];
            var zeros = new byte[stride];
            for (int y = 0; y < image.Height; y++)
            {
                ReadOnlySpan<byte> previous = y == 0 ? zeros : image.Row(y - 1);
                filtered[0] = PngFilter.ApplyAdaptive(image.Row(y), previous, bytesPerPixel, filtered.AsSpan(1), scratch);
                zlib.Write(filtered);
            }
        }
        ReadOnlySpan<byte> data = compressed.GetBuffer().AsSpan(0, (int)compressed.Length);
        for (int start = 0; start < data.Length; start += MaxIdatBytes)
        {
            WriteChunk(output, "IDAT", data.Slice(start, Math.Min(MaxIdatBytes, data.Length - start)));
        }
    }

    /// <summary>Writes one chunk: length, type, data, CRC-32 of type and data.</summary>
    internal static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        Span<byte> typeBytes = stackalloc byte[4];
        for (int i = 0; i < 4; i++) typeBytes[i] = (byte)type[i];
        output.Write(typeBytes);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Append(Crc32.Compute(typeBytes), data));
        output.Write(word);
    }
}
