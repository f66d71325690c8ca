namespace Demix.Engine.Io;

/// <summary>
/// A weight file is malformed, truncated, unsupported or unsafe to load. The message names the file
/// and the problem; <see cref="FilePath"/> holds the file (or the name the caller gave a stream).
/// </summary>
public sealed class WeightFileException : IOException
{
    /// <summary>Creates the exception with the message "&lt;file&gt;: &lt;problem&gt;".</summary>
    public WeightFileException(string filePath, string problem, Exception? inner = null)
        : base($"{filePath}: {problem}", inner)
    {
        FilePath = filePath;
        Problem = problem;
    }

    /// <summary>The file (or stream name) that could not be read.</summary>
    public string FilePath { get; }

    /// <summary>The problem, without the file name.</summary>
    public string Problem { get; }
}
