namespace Demix.Separation.Models;

/// <summary>A model file or card that cannot be used; the message is <c>"&lt;file&gt;: &lt;problem&gt;"</c>.</summary>
public sealed class ModelFileException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public ModelFileException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        Path = path;
    }

    /// <summary>The file (or model name) at fault.</summary>
    public string Path { get; }
}
