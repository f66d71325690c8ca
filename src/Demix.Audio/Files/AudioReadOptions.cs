namespace Demix.Audio;

/// <summary>How <see cref="AudioFile"/> opens an input.</summary>
public sealed record AudioReadOptions
{
    /// <summary>Which audio stream to decode (0 = first). NI stem MP4: 0 mixture, 1 drums, 2 bass, 3 other, 4 vocals.
    /// WAV files have only stream 0.</summary>
    public int StreamIndex { get; init; }

    /// <summary>Resample to this rate in Hz, or null to keep the file's rate. ffmpeg-decoded files are resampled by
    /// ffmpeg (<c>-ar</c>); WAV files by our <see cref="SincResampler"/>.</summary>
    public int? SampleRate { get; init; }

    /// <summary>The default options: first stream, file's own rate.</summary>
    public static AudioReadOptions Default { get; } = new();
}
