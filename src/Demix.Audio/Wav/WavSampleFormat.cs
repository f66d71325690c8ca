namespace Demix.Audio;

/// <summary>How one sample is stored in a WAV data chunk (little-endian).</summary>
public enum WavSampleFormat
{
    /// <summary>Unsigned 8-bit integer, 128 = zero. Decoded as (b - 128) / 128.</summary>
    Pcm8,

    /// <summary>Signed 16-bit integer. Decoded as s / 32768.</summary>
    Pcm16,

    /// <summary>Signed 24-bit integer (3 bytes). Decoded as s / 8388608.</summary>
    Pcm24,

    /// <summary>Signed 32-bit integer. Decoded as s / 2147483648 (float32 precision: 24 significant bits).</summary>
    Pcm32,

    /// <summary>IEEE 754 float32, stored as is.</summary>
    Float32,

    /// <summary>IEEE 754 float64, rounded to float32 when read.</summary>
    Float64,
}

/// <summary>Sizes and WAV codec tags of <see cref="WavSampleFormat"/>.</summary>
public static class WavSampleFormatExtensions
{
    /// <summary>Bytes per sample: 1, 2, 3, 4, 4 or 8.</summary>
    public static int BytesPerSample(this WavSampleFormat format) => format switch
    {
        WavSampleFormat.Pcm8 => 1,
        WavSampleFormat.Pcm16 => 2,
        WavSampleFormat.Pcm24 => 3,
        WavSampleFormat.Pcm32 or WavSampleFormat.Float32 => 4,
        WavSampleFormat.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown WAV sample format."),
    };

    /// <summary>True for the IEEE float formats (WAV codec tag 3), false for integer PCM (tag 1).</summary>
    public static bool IsFloat(this WavSampleFormat format) =>
        format is WavSampleFormat.Float32 or WavSampleFormat.Float64;
}
