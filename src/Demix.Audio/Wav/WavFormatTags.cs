namespace Demix.Audio;

/// <summary>WAV fmt-chunk codec tags this library knows by name (Microsoft mmreg.h).</summary>
internal static class WavFormatTags
{
    public const int Pcm = 0x0001;
    public const int IeeeFloat = 0x0003;
    public const int Extensible = 0xFFFE;

    /// <summary>A readable name for an error message, e.g. "0x0055 (MPEG Layer 3)".</summary>
    public static string Describe(int tag)
    {
        string name = tag switch
        {
            0x0002 => "Microsoft ADPCM",
            0x0006 => "A-law",
            0x0007 => "mu-law",
            0x0011 => "IMA ADPCM",
            0x0031 => "GSM 6.10",
            0x0050 => "MPEG",
            0x0055 => "MPEG Layer 3",
            0x00FF => "AAC",
            0x2000 => "AC-3",
            _ => "unknown codec",
        };
        return $"0x{tag:X4} ({name})";
    }
}
