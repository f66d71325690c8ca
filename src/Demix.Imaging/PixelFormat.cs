namespace Demix.Imaging;

/// <summary>Sample layout of a <see cref="PixelImage"/>: channels per pixel and bits per channel.</summary>
public enum PixelFormat
{
    /// <summary>One 8-bit grey sample per pixel.</summary>
    Grey8,
    /// <summary>One 16-bit grey sample per pixel, stored big-endian (2 bytes, as in PNG).</summary>
    Grey16,
    /// <summary>Red, green, blue, 8 bits each.</summary>
    Rgb8,
    /// <summary>Red, green, blue, alpha (straight, not premultiplied), 8 bits each.</summary>
    Rgba8,
}

/// <summary>Sizes derived from a <see cref="PixelFormat"/>.</summary>
public static class PixelFormatInfo
{
    /// <summary>Bytes one pixel occupies in <see cref="PixelImage.Data"/>.</summary>
    public static int BytesPerPixel(this PixelFormat format) => format switch
    {
        PixelFormat.Grey8 => 1,
        PixelFormat.Grey16 => 2,
        PixelFormat.Rgb8 => 3,
        PixelFormat.Rgba8 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown pixel format."),
    };
}
