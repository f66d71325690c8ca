using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Demix.Audio;

/// <summary>
/// Converts little-endian WAV samples to float32 and back (the machine is assumed little-endian, as every .NET target is).
/// </summary>
/// <remarks>
/// Decoding divides integers by 2^(bits-1): PCM16 s -> s / 32768, so full scale is [-1, 1).
/// Encoding to integer PCM multiplies by 2^(bits-1), rounds to the nearest integer (ties to even) and clips
/// to [-2^(bits-1), 2^(bits-1) - 1], that is to [-1, 1 - 2^(1-bits)]; NaN becomes 0. Decoding then encoding
/// at the same integer depth therefore gives back the same bytes. Float formats are stored unclipped.
/// </remarks>
internal static class WavSampleCodec
{
    /// <summary>Decodes <c>destination.Length</c> samples from <paramref name="source"/>.</summary>
    public static void Decode(ReadOnlySpan<byte> source, Span<float> destination, WavSampleFormat format)
    {
        switch (format)
        {
            case WavSampleFormat.Pcm8:
                for (int i = 0; i < destination.Length; i++) destination[i] = (source[i] - 128) * (1f / 128);
                break;
            case WavSampleFormat.Pcm16:
                ReadOnlySpan<short> pcm16 = MemoryMarshal.Cast<byte, short>(source[..(destination.Length * 2)]);
                TensorPrimitives.ConvertTruncating(pcm16, destination);
                TensorPrimitives.Multiply(destination, 1f / 32768, destination);
                break;
            case WavSampleFormat.Pcm24:
                DecodePcm24(source, destination);
                break;
            case WavSampleFormat.Pcm32:
                ReadOnlySpan<int> pcm32 = MemoryMarshal.Cast<byte, int>(source[..(destination.Length * 4)]);
                for (int i = 0; i < destination.Length; i++) destination[i] = pcm32[i] * (1f / 2147483648f);
                break;
            case WavSampleFormat.Float32:
                MemoryMarshal.Cast<byte, float>(source[..(destination.Length * 4)]).CopyTo(destination);
                break;
            case WavSampleFormat.Float64:
                ReadOnlySpan<double> f64 = MemoryMarshal.Cast<byte, double>(source[..(destination.Length * 8)]);
                for (int i = 0; i < destination.Length; i++) destination[i] = (float)f64[i];
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown WAV sample format.");
        }
    }

    /// <summary>Encodes all of <paramref name="source"/> into <paramref name="destination"/> (clipping integer formats).</summary>
    public static void Encode(ReadOnlySpan<float> source, Span<byte> destination, WavSampleFormat format)
    {
        switch (format)
        {
            case WavSampleFormat.Pcm8:
                for (int i = 0; i < source.Length; i++) destination[i] = (byte)(ToInteger(source[i], 128f, 127f) + 128);
                break;
            case WavSampleFormat.Pcm16:
                Span<short> pcm16 = MemoryMarshal.Cast<byte, short>(destination[..(source.Length * 2)]);
                for (int i = 0; i < source.Length; i++) pcm16[i] = (short)ToInteger(source[i], 32768f, 32767f);
                break;
            case WavSampleFormat.Pcm24:
                EncodePcm24(source, destination);
                break;
            case WavSampleFormat.Pcm32:
                Span<int> pcm32 = MemoryMarshal.Cast<byte, int>(destination[..(source.Length * 4)]);
                for (int i = 0; i < source.Length; i++) pcm32[i] = ToInt32(source[i]);
                break;
            case WavSampleFormat.Float32:
                MemoryMarshal.AsBytes(source).CopyTo(destination);
                break;
            case WavSampleFormat.Float64:
                Span<double> f64 = MemoryMarshal.Cast<byte, double>(destination[..(source.Length * 8)]);
                for (int i = 0; i < source.Length; i++) f64[i] = source[i];
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown WAV sample format.");
        }
    }

    /// <summary>round(x * scale) clipped to [-scale, max]; NaN gives 0 (saturating conversion).</summary>
    private static int ToInteger(float x, float scale, float max) => (int)Math.Clamp(MathF.Round(x * scale), -scale, max);

    /// <summary>32-bit PCM: computed in float64 because 2^31 - 1 is not a float32.</summary>
    private static int ToInt32(float x) => (int)Math.Clamp(Math.Round(x * 2147483648.0), -2147483648.0, 2147483647.0);

    private static void DecodePcm24(ReadOnlySpan<byte> source, Span<float> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            // Place the 3 bytes in the top of an int so the arithmetic shift extends the sign.
            int value = (source[3 * i] << 8) | (source[3 * i + 1] << 16) | (source[3 * i + 2] << 24);
            destination[i] = (value >> 8) * (1f / 8388608);
        }
    }

    private static void EncodePcm24(ReadOnlySpan<float> source, Span<byte> destination)
    {
        for (int i = 0; i < source.Length; i++)
        {
            int value = ToInteger(source[i], 8388608f, 8388607f);
            destination[3 * i] = (byte)value;
            destination[3 * i + 1] = (byte)(value >> 8);
            destination[3 * i + 2] = (byte)(value >> 16);
        }
    }
}
