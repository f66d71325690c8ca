namespace Demix.Audio;

/// <summary>
/// A problem with an audio file that the user can act on: the message is one line that names the file
/// and the problem, e.g. <c>'song.wav': the file is empty (0 bytes).</c>
/// </summary>
public abstract class AudioFileException : Exception
{
    /// <summary>Creates the exception for <paramref name="filePath"/> with a one-line description of the problem.</summary>
    protected AudioFileException(string filePath, string problem, Exception? innerException)
        : base($"'{filePath}': {problem}", innerException)
    {
        FilePath = filePath;
        Problem = problem;
    }

    /// <summary>The file the problem is about, as the caller named it.</summary>
    public string FilePath { get; }

    /// <summary>The problem alone, without the file name.</summary>
    public string Problem { get; }
}
