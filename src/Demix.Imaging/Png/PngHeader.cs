using System.Buffers.Binary;

namespace Demix.Imaging.Png;

/// <summary>The IHDR fields of a PNG that decide how scanlines are laid out (PNG spec section 11.2.2).</summary>
internal sealed record PngHeader(int Width, int Height, int BitDepth, int ColourType, bool Interlaced)
{
    public const int Grey = 0;
    public const int Truecolour = 2;
    public const int Indexed = 3;
    public const int GreyAlpha = 4;
    public const int TruecolourAlpha = 6;

    /// <summary>Largest width or height accepted (PNG allows 2^31 - 1; we refuse absurd sizes early).</summary>
    public const int MaxSide = 1 << 20;

    /// <summary>Parses and validates the 13 bytes of IHDR.</summary>
    public static PngHeader Parse(ReadOnlySpan<byte> data, string sourceName)
    {
        if (data.Length != 13) throw new PngFormatException(sourceName, $"IHDR has {data.Length} bytes, expected 13");
        int width = BinaryPrimitives.ReadInt32BigEndian(data);
        int height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
        var header = new PngHeader(width, height, data[8], data[9], data[12] == 1);
        if (width < 1 || height < 1 || width > MaxSide || height > MaxSide)
        {
            throw new PngFormatException(sourceName, $"unsupported image size {(uint)width}x{(uint)height}");
        }
        if (data[10] != 0 || data[11] != 0 || data[12] > 1)
        {
            throw new PngFormatException(sourceName,
                $"unknown compression, filter or interlace method ({data[10]}, {data[11]}, {data[12]})");
        }
        header.CheckDepth(sourceName);
        return header;
    }

    /// <summary>Samples per pixel of the stored data.</summary>
    public int Channels => ColourType switch
    {
        Grey or Indexed => 1,
        GreyAlpha => 2,
        Truecolour => 3,
        _ => 4,
    };

    public int BitsPerPixel => Channels * BitDepth;

    /// <summary>The filter's byte distance: bytes per complete pixel, at least 1.</summary>
    public int FilterStep => Math.Max(1, BitsPerPixel / 8);

    /// <summary>Bytes of one stored scanline of <paramref name="pixels"/> pixels, without the filter byte.</summary>
    public int RowBytes(int pixels) => (int)(((long)pixels * BitsPerPixel + 7) / 8);

    /// <summary>The format the decoder produces for this header.</summary>
    public PixelFormat OutputFormat(bool hasTransparency) => ColourType switch
    {
        Grey => BitDepth == 16 ? PixelFormat.Grey16 : PixelFormat.Grey8,
        Truecolour => PixelFormat.Rgb8,
        Indexed => hasTransparency ? PixelFormat.Rgba8 : PixelFormat.Rgb8,
        _ => PixelFormat.Rgba8,
    };

    private void CheckDepth(string sourceName)
    {
        bool valid = ColourType switch
        {
            Grey => BitDepth is 1 or 2 or 4 or 8 or 16,
            Indexed => BitDepth is 1 or 2 or 4 or 8,
            Truecolour or GreyAlpha or TruecolourAlpha => BitDepth is 8 or 16,
            _ => throw new PngFormatException(sourceName, $"unsupported colour type {ColourType}"),
        };
        if (!valid)
        {
            throw new PngFormatException(sourceName, $"bit depth {BitDepth} is not valid for colour type {ColourType}");
        }
    }
}
