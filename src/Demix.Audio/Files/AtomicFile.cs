namespace Demix.Audio;

/// <summary>
/// An output written to a temporary file in the destination folder and renamed into place on
/// <see cref="Commit"/>, so readers never see a half-written file and a failed write leaves nothing behind.
/// </summary>
internal sealed class AtomicFile : IDisposable
{
    private bool committed;

    private AtomicFile(string finalPath, string temporaryPath, bool overwrite)
    {
        FinalPath = finalPath;
        TemporaryPath = temporaryPath;
        Overwrite = overwrite;
    }

    /// <summary>The path the output gets when committed, as the caller named it.</summary>
    public string FinalPath { get; }

    /// <summary>The hidden temporary file beside <see cref="FinalPath"/>.</summary>
    public string TemporaryPath { get; }

    /// <summary>Whether an existing file at <see cref="FinalPath"/> may be replaced.</summary>
    public bool Overwrite { get; }

    /// <summary>Checks the destination and creates the (empty) temporary file; creates a missing output folder.</summary>
    /// <exception cref="AudioWriteException">The file exists and <paramref name="overwrite"/> is false, or the folder cannot be written.</exception>
    public static AtomicFile Begin(string path, bool overwrite)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath)) throw new AudioWriteException(path, "a folder of that name exists; give a file name.");
        if (File.Exists(fullPath) && !overwrite) throw new AudioWriteException(path, "the file already exists (pass overwrite, --force, to replace it).");
        string folder = Path.GetDirectoryName(fullPath)!;
        string temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.partial");
        try
        {
            Directory.CreateDirectory(folder);
            using (new FileStream(temporary, FileMode.CreateNew, FileAccess.Write)) { }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AudioWriteException(path, $"the output folder '{folder}' cannot be written: {e.Message}", e);
        }
        return new AtomicFile(fullPath, temporary, overwrite) { DisplayPath = path };
    }

    /// <summary>The path as the caller gave it, for messages.</summary>
    public string DisplayPath { get; private init; } = "";

    /// <summary>Opens the temporary file for writing (seekable).</summary>
    public FileStream OpenWrite() =>
        new(TemporaryPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);

    /// <summary>Renames the temporary file to <see cref="FinalPath"/>.</summary>
    /// <exception cref="AudioWriteException">The destination appeared meanwhile (without overwrite) or cannot be replaced.</exception>
    public void Commit()
    {
        try
        {
            File.Move(TemporaryPath, FinalPath, Overwrite);
            committed = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AudioWriteException(DisplayPath, $"the finished output cannot be moved into place: {e.Message}", e);
        }
    }

    /// <summary>Deletes the temporary file unless committed.</summary>
    public void Dispose()
    {
        if (committed) return;
        try
        {
            File.Delete(TemporaryPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temporary file is hidden and named .partial.
        }
        committed = true;
    }
}
