namespace Demix.Audio;

/// <summary>Extension and ffmpeg settings of each <see cref="AudioFileFormat"/> (an explicit table, no string dispatch elsewhere).</summary>
public static class AudioFileFormats
{
    /// <summary>The format for a file name's extension (case-insensitive).</summary>
    /// <exception cref="AudioWriteException">The extension is not one of wav, flac, mp3, ogg, opus, m4a.</exception>
    public static AudioFileFormat FromPath(string path) =>
        TryParse(Path.GetExtension(path), out AudioFileFormat format) ? format
            : throw new AudioWriteException(path, $"unknown output format '{Path.GetExtension(path)}': use .wav, .flac, .mp3, .ogg, .opus or .m4a.");

    /// <summary>Parses a format name or extension such as "flac", ".MP3" or "m4a" (as given to <c>--format</c>).</summary>
    public static bool TryParse(string name, out AudioFileFormat format)
    {
        AudioFileFormat? parsed = name.TrimStart('.').ToLowerInvariant() switch
        {
            "wav" or "wave" => AudioFileFormat.Wav,
            "flac" => AudioFileFormat.Flac,
            "mp3" => AudioFileFormat.Mp3,
            "ogg" or "oga" => AudioFileFormat.Ogg,
            "opus" => AudioFileFormat.Opus,
            "m4a" or "mp4" or "aac" => AudioFileFormat.M4a,
            _ => null,
        };
        format = parsed ?? default;
        return parsed is not null;
    }

    /// <summary>Parses a bit depth as given to <c>--bit-depth</c>: "16", "24" or "32f" (also "8", "32", "64f").</summary>
    public static bool TryParseBitDepth(string text, out WavSampleFormat depth)
    {
        WavSampleFormat? parsed = text.Trim().ToLowerInvariant() switch
        {
            "8" => WavSampleFormat.Pcm8,
            "16" => WavSampleFormat.Pcm16,
            "24" => WavSampleFormat.Pcm24,
            "32" => WavSampleFormat.Pcm32,
            "32f" or "float" => WavSampleFormat.Float32,
            "64f" => WavSampleFormat.Float64,
            _ => null,
        };
        depth = parsed ?? default;
        return parsed is not null;
    }

    /// <summary>The usual extension, without the dot.</summary>
    public static string Extension(this AudioFileFormat format) => format switch
    {
        AudioFileFormat.Wav => "wav",
        AudioFileFormat.Flac => "flac",
        AudioFileFormat.Mp3 => "mp3",
        AudioFileFormat.Ogg => "ogg",
        AudioFileFormat.Opus => "opus",
        AudioFileFormat.M4a => "m4a",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>True for the lossy formats, whose size is set by a bit rate.</summary>
    public static bool IsLossy(this AudioFileFormat format) => format is AudioFileFormat.Mp3 or AudioFileFormat.Ogg
        or AudioFileFormat.Opus or AudioFileFormat.M4a;

    /// <summary>The default bit rate of a lossy format, in kbit/s (all channels together).</summary>
    public static int DefaultBitRateKbps(this AudioFileFormat format) => format switch
    {
        AudioFileFormat.Mp3 => 320,
        AudioFileFormat.Ogg => 256,
        AudioFileFormat.Opus => 160,
        AudioFileFormat.M4a => 256,
        _ => 0,
    };

    /// <summary>ffmpeg's muxer (<c>-f</c>) and encoder (<c>-c:a</c>) for a format.</summary>
    internal static (string Muxer, string Encoder) FfmpegNames(this AudioFileFormat format) => format switch
    {
        AudioFileFormat.Flac => ("flac", "flac"),
        AudioFileFormat.Mp3 => ("mp3", "libmp3lame"),
        AudioFileFormat.Ogg => ("ogg", "libvorbis"),
        AudioFileFormat.Opus => ("ogg", "libopus"),
        AudioFileFormat.M4a => ("ipod", "aac"),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "WAV is written by our own codec, not ffmpeg."),
    };
}
