namespace Demix.Imaging;

/// <summary>
/// A raster image in memory: rows top to bottom, pixels left to right, channels interleaved.
/// <see cref="Data"/> has <c>Height * Stride</c> bytes, <c>Stride = Width * BytesPerPixel</c>.
/// </summary>
public sealed class PixelImage
{
    /// <summary>Creates a zero-filled image.</summary>
    public PixelImage(int width, int height, PixelFormat format)
        : this(width, height, format, new byte[CheckedSize(width, height, format)])
    {
    }

    /// <summary>Wraps existing pixel bytes (not copied); the length must match the size exactly.</summary>
    public PixelImage(int width, int height, PixelFormat format, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        long expected = CheckedSize(width, height, format);
        if (data.Length != expected)
        {
            throw new ArgumentException(
                $"Pixel data has {data.Length} bytes; {width}x{height} {format} needs {expected}.", nameof(data));
        }
        Width = width;
        Height = height;
        Format = format;
        Data = data;
    }

    /// <summary>Width in pixels (at least 1).</summary>
    public int Width { get; }

    /// <summary>Height in pixels (at least 1).</summary>
    public int Height { get; }

    public PixelFormat Format { get; }

    /// <summary>Pixel bytes, [Height, Width, BytesPerPixel], rows top first.</summary>
    public byte[] Data { get; }

    /// <summary>Bytes per row.</summary>
    public int Stride => Width * Format.BytesPerPixel();

    /// <summary>The bytes of row <paramref name="y"/> (0 = top).</summary>
    public Span<byte> Row(int y) => Data.AsSpan(y * Stride, Stride);

    /// <summary>The 16-bit grey sample at (x, y); only for <see cref="PixelFormat.Grey16"/>.</summary>
    public ushort GetGrey16(int x, int y)
    {
        if (Format != PixelFormat.Grey16) throw new InvalidOperationException($"The image is {Format}, not Grey16.");
        int offset = y * Stride + 2 * x;
        return (ushort)(Data[offset] << 8 | Data[offset + 1]);
    }

    /// <summary>Sets the 16-bit grey sample at (x, y); only for <see cref="PixelFormat.Grey16"/>.</summary>
    public void SetGrey16(int x, int y, ushort value)
    {
        if (Format != PixelFormat.Grey16) throw new InvalidOperationException($"The image is {Format}, not Grey16.");
        int offset = y * Stride + 2 * x;
        Data[offset] = (byte)(value >> 8);
        Data[offset + 1] = (byte)value;
    }

    private static int CheckedSize(int width, int height, PixelFormat format)
    {
        if (width < 1 || height < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Image size {width}x{height} must be at least 1x1.");
        }
        long size = (long)width * height * format.BytesPerPixel();
        if (size > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Image size {width}x{height} is too large.");
        }
        return (int)size;
    }
}
