namespace Demix.Audio;

/// <summary>Output containers, chosen from the file extension by <see cref="AudioFileFormats.FromPath"/>.</summary>
public enum AudioFileFormat
{
    /// <summary>WAV, written by our own codec (PCM16, PCM24 or float32).</summary>
    Wav,

    /// <summary>FLAC (lossless, 16 or 24 bits), through ffmpeg.</summary>
    Flac,

    /// <summary>MP3 (LAME), through ffmpeg.</summary>
    Mp3,

    /// <summary>Ogg Vorbis, through ffmpeg.</summary>
    Ogg,

    /// <summary>Ogg Opus, through ffmpeg (resampled to 48 kHz by the codec).</summary>
    Opus,

    /// <summary>AAC in an MPEG-4 audio file, through ffmpeg.</summary>
    M4a,
}
