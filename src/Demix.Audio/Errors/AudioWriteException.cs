namespace Demix.Audio;

/// <summary>
/// An output file cannot be written: it already exists (and overwriting was not asked for), its folder
/// cannot be written, the format is unknown, or the encoder failed. Nothing is left behind when it is thrown.
/// </summary>
public sealed class AudioWriteException : AudioFileException
{
    /// <summary>Creates the exception for <paramref name="filePath"/> with a one-line description of the problem.</summary>
    public AudioWriteException(string filePath, string problem, Exception? innerException = null)
        : base(filePath, problem, innerException)
    {
    }
}
