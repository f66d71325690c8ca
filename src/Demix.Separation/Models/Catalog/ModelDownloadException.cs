namespace Demix.Separation.Models.Catalog;

/// <summary>A download that could not be completed (offline, HTTP error, hash mismatch); nothing was installed.</summary>
public sealed class ModelDownloadException : IOException
{
    /// <summary>Creates the exception.</summary>
    public ModelDownloadException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>Progress of one file: bytes received so far and the total when the server said it.</summary>
/// <param name="FileName">The file being downloaded.</param>
/// <param name="FileIndex">0-based index of the file in its entry.</param>
/// <param name="FileCount">Files in the entry.</param>
/// <param name="BytesReceived">Bytes received so far.</param>
/// <param name="TotalBytes">Content length, or null when unknown.</param>
public sealed record DownloadProgress(string FileName, int FileIndex, int FileCount, long BytesReceived, long? TotalBytes);
