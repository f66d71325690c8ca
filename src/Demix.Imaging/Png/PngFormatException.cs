namespace Demix.Imaging.Png;

/// <summary>A PNG file that cannot be decoded; the message names the file and the problem.</summary>
public sealed class PngFormatException : FormatException
{
    public PngFormatException(string sourceName, string problem, Exception? inner = null)
        : base($"{sourceName}: {problem}", inner)
    {
        SourceName = sourceName;
        Problem = problem;
    }

    /// <summary>The file path (or a description such as "&lt;memory&gt;") of the bad data.</summary>
    public string SourceName { get; }

    /// <summary>What is wrong, without the file name.</summary>
    public string Problem { get; }
}
