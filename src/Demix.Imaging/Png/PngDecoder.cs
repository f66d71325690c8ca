using System.IO.Compression;

namespace Demix.Imaging.Png;

/// <summary>
/// Reads PNG files: every colour type and bit depth of the PNG spec, all five filters, Adam7
/// interlacing. Output: Grey8 (grey 1/2/4/8-bit), Grey16 (grey 16-bit), Rgb8 (RGB, palette without
/// transparency), Rgba8 (RGBA, grey+alpha, palette with tRNS). 16-bit colour keeps the high byte;
/// a grey or RGB tRNS colour key is ignored. Ancillary chunks are skipped.
/// </summary>
public static class PngDecoder
{
    /// <summary>Largest decompressed stream or decoded pixel buffer accepted (1 GiB), a guard against absurd headers.</summary>
    public const long MaxDecodedBytes = 1L << 30;

    /// <summary>Reads the PNG file at <paramref name="path"/>.</summary>
    /// <exception cref="PngFormatException">The file is not a valid PNG; the message names the file.</exception>
    public static PixelImage Load(string path) => Decode(File.ReadAllBytes(path), path);

    /// <summary>The tEXt pairs (keyword, text) of the PNG file at <paramref name="path"/>; the pixels are not decoded.</summary>
    public static IReadOnlyDictionary<string, string> ReadText(string path) => ReadText(File.ReadAllBytes(path), path);

    /// <summary>The tEXt pairs of a PNG file in memory (chunks and CRCs are checked; a repeated keyword keeps its last text).</summary>
    public static IReadOnlyDictionary<string, string> ReadText(ReadOnlySpan<byte> file, string sourceName = "<memory>")
    {
        var reader = new PngChunkReader(file, sourceName);
        var text = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.MoveNext() && reader.Type != "IEND")
        {
            if (reader.Type != "tEXt") continue;
            (string keyword, string value) = PngText.Decode(reader.Data, sourceName);
            text[keyword] = value;
        }
        return text;
    }

    /// <summary>Reads a PNG from a stream to its end.</summary>
    public static PixelImage Decode(Stream input, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var memory = new MemoryStream();
        input.CopyTo(memory);
        return Decode(memory.GetBuffer().AsSpan(0, (int)memory.Length), sourceName);
    }

    /// <summary>Decodes the PNG file bytes in <paramref name="file"/>.</summary>
    /// <param name="sourceName">Named in error messages (a path, or e.g. "&lt;memory&gt;").</param>
    public static PixelImage Decode(ReadOnlySpan<byte> file, string sourceName = "<memory>")
    {
        using var compressed = new MemoryStream();
        (PngHeader header, byte[]? palette, byte[]? transparency) = ReadChunks(file, sourceName, compressed);
        bool paletteAlpha = header.ColourType == PngHeader.Indexed && transparency is not null;
        PixelFormat format = header.OutputFormat(paletteAlpha);
        long rawBytes = RawSize(header);
        long pixelBytes = (long)header.Width * header.Height * format.BytesPerPixel();
        if (Math.Max(rawBytes, pixelBytes) > MaxDecodedBytes)
        {
            throw new PngFormatException(sourceName, $"image too large to decode ({header.Width}x{header.Height})");
        }
        byte[] raw = Inflate(compressed, rawBytes, sourceName);
        var image = new PixelImage(header.Width, header.Height, format);
        var scanline = new PngScanline(header, palette, paletteAlpha ? transparency : null, image.Format, sourceName);
        Unfilter(raw, header, scanline, image, sourceName);
        return image;
    }

    /// <summary>Walks the chunks up to IEND: parses IHDR, keeps PLTE and tRNS, appends IDAT data to <paramref name="compressed"/>.</summary>
    private static (PngHeader Header, byte[]? Palette, byte[]? Transparency) ReadChunks(ReadOnlySpan<byte> file, string sourceName, MemoryStream compressed)
    {
        var reader = new PngChunkReader(file, sourceName);
        PngHeader? header = null;
        byte[]? palette = null, transparency = null;
        bool ended = false;
        while (!ended && reader.MoveNext())
        {
            if (header is null && reader.Type != "IHDR")
            {
                throw new PngFormatException(sourceName, $"first chunk is '{reader.Type}', expected 'IHDR'");
            }
            switch (reader.Type)
            {
                case "IHDR": header = PngHeader.Parse(reader.Data, sourceName); break;
                case "PLTE": palette = reader.Data.ToArray(); break;
                case "tRNS": transparency = reader.Data.ToArray(); break;
                case "IDAT": compressed.Write(reader.Data); break;
                case "IEND": ended = true; break;
                default: CheckAncillary(reader.Type, sourceName); break;
            }
        }
        if (header is null) throw new PngFormatException(sourceName, "truncated: no IHDR chunk");
        if (!ended) throw new PngFormatException(sourceName, "truncated: no IEND chunk");
        if (compressed.Length == 0) throw new PngFormatException(sourceName, "no IDAT chunk");
        if (header.ColourType == PngHeader.Indexed && palette is null)
        {
            throw new PngFormatException(sourceName, "indexed-colour image without a PLTE chunk");
        }
        return (header, palette, transparency);
    }

    private static void CheckAncillary(string type, string sourceName)
    {
        // Bit 5 of the first letter clear (upper case) marks a critical chunk we must understand.
        if (char.IsAsciiLetterUpper(type[0]))
        {
            throw new PngFormatException(sourceName, $"unsupported critical chunk '{type}'");
        }
    }

    /// <summary>Bytes of the decompressed stream: a filter byte plus the stored row, for every row of every pass.</summary>
    private static long RawSize(PngHeader header)
    {
        if (!header.Interlaced) return (long)header.Height * (1 + header.RowBytes(header.Width));
        long total = 0;
        for (int pass = 0; pass < 7; pass++)
        {
            (int width, int height) = Adam7.PassSize(pass, header.Width, header.Height);
            if (width > 0) total += (long)height * (1 + header.RowBytes(width));
        }
        return total;
    }

    private static byte[] Inflate(MemoryStream compressed, long expectedBytes, string sourceName)
    {
        var raw = new byte[expectedBytes];
        compressed.Position = 0;
        int filled = 0;
        try
        {
            using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
            filled = zlib.ReadAtLeast(raw, raw.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException error)
        {
            throw new PngFormatException(sourceName, "corrupt compressed image data (zlib)", error);
        }
        if (filled < raw.Length)
        {
            throw new PngFormatException(sourceName, $"truncated image data: {filled} of {raw.Length} bytes after decompression");
        }
        return raw;
    }

    private static void Unfilter(byte[] raw, PngHeader header, PngScanline scanline, PixelImage image, string sourceName)
    {
        int offset = 0;
        if (!header.Interlaced)
        {
            UnfilterPass(raw, ref offset, header, header.Width, header.Height, sourceName,
                (y, row) => scanline.Convert(row, header.Width, image.Row(y)));
            return;
        }
        int bytesPerPixel = image.Format.BytesPerPixel();
        var passRow = new byte[header.Width * bytesPerPixel];
        for (int pass = 0; pass < 7; pass++)
        {
            (int width, int height) = Adam7.PassSize(pass, header.Width, header.Height);
            if (width == 0 || height == 0) continue;
            int xStart = Adam7.XStart[pass], xStep = Adam7.XStep[pass];
            int yStart = Adam7.YStart[pass], yStep = Adam7.YStep[pass];
            UnfilterPass(raw, ref offset, header, width, height, sourceName, (j, row) =>
            {
                scanline.Convert(row, width, passRow);
                Span<byte> target = image.Row(yStart + j * yStep);
                for (int k = 0; k < width; k++)
                {
                    passRow.AsSpan(k * bytesPerPixel, bytesPerPixel).CopyTo(target[((xStart + k * xStep) * bytesPerPixel)..]);
                }
            });
        }
    }

    private delegate void RowSink(int rowIndex, ReadOnlySpan<byte> row);

    private static void UnfilterPass(byte[] raw, ref int offset, PngHeader header, int width, int height, string sourceName, RowSink sink)
    {
        int rowBytes = header.RowBytes(width);
        Span<byte> previous = new byte[rowBytes];
        for (int y = 0; y < height; y++)
        {
            byte filterType = raw[offset];
            Span<byte> row = raw.AsSpan(offset + 1, rowBytes);
            if (!PngFilter.TryUnfilter(filterType, row, previous, header.FilterStep))
            {
                throw new PngFormatException(sourceName, $"unknown filter type {filterType} on row {y}");
            }
            sink(y, row);
            previous = row;
            offset += 1 + rowBytes;
        }
    }
}
