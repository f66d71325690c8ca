namespace Demix.Imaging.Png;

/// <summary>
/// Converts one unfiltered stored scanline into output pixels: sub-byte greys are scaled to 0..255,
/// palette indices are looked up, 16-bit colour is reduced to its high byte, grey+alpha becomes RGBA.
/// </summary>
internal sealed class PngScanline(PngHeader header, byte[]? paletteRgb, byte[]? paletteAlpha, PixelFormat output, string sourceName)
{
    /// <summary>Writes <paramref name="pixels"/> pixels of <paramref name="stored"/> into <paramref name="destination"/> (output format).</summary>
    public void Convert(ReadOnlySpan<byte> stored, int pixels, Span<byte> destination)
    {
        if (header.BitDepth < 8)
        {
            ConvertPacked(stored, pixels, destination);
            return;
        }
        switch (header.ColourType)
        {
            case PngHeader.Grey when header.BitDepth == 16:
                stored[..(2 * pixels)].CopyTo(destination);
                break;
            case PngHeader.Indexed:
                for (int x = 0; x < pixels; x++) WritePaletteEntry(stored[x], destination, x);
                break;
            case PngHeader.GreyAlpha:
                ConvertGreyAlpha(stored, pixels, destination);
                break;
            default:
                // Grey 8, RGB 8/16, RGBA 8/16: same channels in and out, keep the high byte of each sample.
                int bytesPerSample = header.BitDepth / 8;
                int samples = pixels * header.Channels;
                for (int i = 0; i < samples; i++) destination[i] = stored[i * bytesPerSample];
                break;
        }
    }

    private void ConvertPacked(ReadOnlySpan<byte> stored, int pixels, Span<byte> destination)
    {
        int depth = header.BitDepth;
        int mask = (1 << depth) - 1;
        int greyScale = 255 / mask;
        for (int x = 0; x < pixels; x++)
        {
            int bitOffset = x * depth;
            int value = stored[bitOffset >> 3] >> (8 - depth - (bitOffset & 7)) & mask;
            if (header.ColourType == PngHeader.Indexed) WritePaletteEntry(value, destination, x);
            else destination[x] = (byte)(value * greyScale);
        }
    }

    private void ConvertGreyAlpha(ReadOnlySpan<byte> stored, int pixels, Span<byte> destination)
    {
        int bytesPerSample = header.BitDepth / 8;
        for (int x = 0; x < pixels; x++)
        {
            byte grey = stored[2 * x * bytesPerSample];
            byte alpha = stored[(2 * x + 1) * bytesPerSample];
            destination[4 * x] = grey;
            destination[4 * x + 1] = grey;
            destination[4 * x + 2] = grey;
            destination[4 * x + 3] = alpha;
        }
    }

    private void WritePaletteEntry(int index, Span<byte> destination, int x)
    {
        if (paletteRgb is null || 3 * index + 2 >= paletteRgb.Length)
        {
            throw new PngFormatException(sourceName, $"palette index {index} is outside the palette");
        }
        int channels = output.BytesPerPixel();
        destination[channels * x] = paletteRgb[3 * index];
        destination[channels * x + 1] = paletteRgb[3 * index + 1];
        destination[channels * x + 2] = paletteRgb[3 * index + 2];
        if (channels == 4)
        {
            destination[4 * x + 3] = paletteAlpha is not null && index < paletteAlpha.Length ? paletteAlpha[index] : (byte)255;
        }
    }
}
