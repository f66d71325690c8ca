namespace Demix.Audio;

/// <summary>
/// An input file cannot be decoded: it is missing or empty, its header is truncated or corrupt, a chunk
/// size is absurd, the codec is unsupported, it holds no audio, or ffmpeg is needed but not installed.
/// </summary>
public sealed class AudioFormatException : AudioFileException
{
    /// <summary>Creates the exception for <paramref name="filePath"/> with a one-line description of the problem.</summary>
    public AudioFormatException(string filePath, string problem, Exception? innerException = null)
        : base(filePath, problem, innerException)
    {
    }

    /// <summary>True when the file is readable but its codec is not one our own decoder knows
    /// (for example an MP3-in-WAV), so ffmpeg may still decode it.</summary>
    public bool IsUnsupportedCodec { get; init; }
}
