namespace Demix.Separation.Models.Pix2Pix;

/// <summary>
/// Magnitude spectrogram to and from S0's images: pixel = clamp(1 + 20 log10(|X| / ref) / range, 0, 1) * 2 - 1, so
/// ref (0 dB) is white (+1) and anything at or below -range dB is black (-1). Images are [size rows, size columns]
/// row-major with row 0 the highest bin and column t frame t, as they are drawn and exported to PNG.
/// </summary>
public sealed class SpectrogramImage(float referenceMagnitude, float dynamicRangeDb, int size)
{
    /// <summary>Image width and height in pixels.</summary>
    public int Size { get; } = size;

    /// <summary>Converts frames [first, first + size) of one channel (zero past the end) to an image.</summary>
    /// <param name="magnitude">[frames * bins], one channel.</param>
    /// <param name="frames">Frames in <paramref name="magnitude"/>.</param>
    /// <param name="bins">Bins per frame (at least <see cref="Size"/>).</param>
    /// <param name="first">First frame of the image.</param>
    /// <returns>[size * size] pixels in [-1, 1].</returns>
    public float[] ToImage(ReadOnlySpan<float> magnitude, int frames, int bins, int first)
    {
        var image = new float[Size * Size];
        for (int column = 0; column < Size; column++)
        {
            int t = first + column;
            for (int k = 0; k < Size; k++) image[(Size - 1 - k) * Size + column] = t < frames ? ToPixel(magnitude[t * bins + k]) : -1f;
        }
        return image;
    }

    /// <summary>Writes an image's magnitudes into frames [first, first + size) of <paramref name="magnitude"/> (bins above stay 0).</summary>
    public void FromImage(ReadOnlySpan<float> image, Span<float> magnitude, int frames, int bins, int first)
    {
        for (int column = 0; column < Size && first + column < frames; column++)
        {
            for (int k = 0; k < Size; k++) magnitude[(first + column) * bins + k] = ToMagnitude(image[(Size - 1 - k) * Size + column]);
        }
    }

    /// <summary>One magnitude as a pixel in [-1, 1].</summary>
    public float ToPixel(float magnitude)
    {
        if (magnitude <= 0) return -1f;
        float level = 1f + 20f * MathF.Log10(magnitude / referenceMagnitude) / dynamicRangeDb;
        return Math.Clamp(level, 0f, 1f) * 2f - 1f;
    }

    /// <summary>One pixel back to a magnitude (black is 0).</summary>
    public float ToMagnitude(float pixel)
    {
        float level = (pixel + 1f) / 2f;
        return level <= 0 ? 0f : referenceMagnitude * MathF.Pow(10f, (level - 1f) * dynamicRangeDb / 20f);
    }
}
