namespace Demix.Audio;

/// <summary>Opens input files, turning the operating system's errors into one-line <see cref="AudioFormatException"/>s.</summary>
internal static class AudioFileAccess
{
    /// <summary>Opens <paramref name="path"/> for sequential reading.</summary>
    /// <exception cref="AudioFormatException">Missing, a folder, empty, or not readable.</exception>
    public static FileStream OpenRead(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path)) throw new AudioFormatException(path, "this is a folder, not an audio file.");
        if (!File.Exists(path)) throw new AudioFormatException(path, "the file does not exist.");
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AudioFormatException(path, $"the file cannot be opened: {e.Message}", e);
        }
        if (stream.Length == 0)
        {
            stream.Dispose();
            throw new AudioFormatException(path, "the file is empty (0 bytes).");
        }
        return stream;
    }
}
