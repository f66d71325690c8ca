namespace Demix.Web.Uploads;

/// <summary>The containers an upload may be, told apart by their first bytes.</summary>
public enum AudioContainer
{
    /// <summary>Not a known audio container.</summary>
    Unknown,
    Wav,
    Mp3,
    Aac,
    Flac,
    Ogg,
    Mp4,
    Aiff,
    Matroska,
}

/// <summary>
/// Recognises audio files by content, never by name: RIFF/RF64/BW64 + WAVE, an ID3v2 tag or a valid MPEG
/// audio frame header (sync, version, layer, bit-rate and rate indices), ADTS AAC, <c>fLaC</c>, <c>OggS</c>,
/// an ISO-BMFF <c>ftyp</c> box (MP4/M4A), IFF <c>FORM</c> + AIFF/AIFC, and the EBML magic of Matroska/WebM.
/// </summary>
public static class AudioSniffer
{
    /// <summary>Bytes to read before calling <see cref="Detect"/> (fewer are fine for short files).</summary>
    public const int HeaderBytes = 16;

    /// <summary>The container <paramref name="header"/> (the file's first bytes) starts, or <see cref="AudioContainer.Unknown"/>.</summary>
    public static AudioContainer Detect(ReadOnlySpan<byte> header)
    {
        if (header.Length >= 12 && IsRiffWave(header)) return AudioContainer.Wav;
        if (header.StartsWith("fLaC"u8)) return AudioContainer.Flac;
        if (header.StartsWith("OggS"u8)) return AudioContainer.Ogg;
        if (header.StartsWith("ID3"u8) && header.Length >= 10 && header[3] is >= 2 and <= 4) return AudioContainer.Mp3;
        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8)) return AudioContainer.Mp4;
        if (header.Length >= 12 && header.StartsWith("FORM"u8) && (header[8..12].SequenceEqual("AIFF"u8) || header[8..12].SequenceEqual("AIFC"u8))) return AudioContainer.Aiff;
        if (header.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3])) return AudioContainer.Matroska;
        if (header.Length >= 4 && IsMpegAudioFrame(header)) return AudioContainer.Mp3;
        if (header.Length >= 7 && IsAdtsFrame(header)) return AudioContainer.Aac;
        return AudioContainer.Unknown;
    }

    private static bool IsRiffWave(ReadOnlySpan<byte> header) =>
        (header.StartsWith("RIFF"u8) || header.StartsWith("RF64"u8) || header.StartsWith("BW64"u8)) && header[8..12].SequenceEqual("WAVE"u8);

    /// <summary>An MPEG-1/2/2.5 layer I-III frame header: 11 sync bits, version != reserved, layer != reserved,
    /// bit-rate index not 15 (bad), sample-rate index not 3 (reserved).</summary>
    private static bool IsMpegAudioFrame(ReadOnlySpan<byte> h)
    {
        if (h[0] != 0xFF || (h[1] & 0xE0) != 0xE0) return false;
        int version = (h[1] >> 3) & 0x3, layer = (h[1] >> 1) & 0x3;
        int bitRateIndex = h[2] >> 4, rateIndex = (h[2] >> 2) & 0x3;
        return version != 1 && layer != 0 && bitRateIndex != 0xF && rateIndex != 3;
    }

    /// <summary>An ADTS header: 12 sync bits, layer 00, a valid sampling-frequency index (0..12).</summary>
    private static bool IsAdtsFrame(ReadOnlySpan<byte> h) =>
        h[0] == 0xFF && (h[1] & 0xF6) == 0xF0 && ((h[2] >> 2) & 0xF) <= 12;
}
