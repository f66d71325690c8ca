namespace Demix.Evaluation.Scoring;

/// <summary>
/// Exclusive use of a results folder by one evaluation run: two runs appending to the same folder would score the
/// same tracks twice (and MIR-1K's <c>clips.csv</c> would count them twice). Holds <c>.evaluate.lock</c> in the folder
/// open with no sharing (an advisory <c>flock</c> on Unix, released by the kernel if the process dies) and deletes
/// it on <see cref="Dispose"/>.
/// </summary>
public sealed class ResultsFolderLock : IDisposable
{
    /// <summary>The lock file's name inside the results folder.</summary>
    public const string FileName = ".evaluate.lock";

    private readonly FileStream stream;

    private ResultsFolderLock(FileStream stream) => this.stream = stream;

    /// <summary>Creates <paramref name="folder"/> if needed and takes the lock.</summary>
    /// <exception cref="ResultsFolderBusyException">Another run holds the folder.</exception>
    public static ResultsFolderLock Acquire(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, FileName);
        try
        {
            return new ResultsFolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
        }
        catch (IOException e)
        {
            throw new ResultsFolderBusyException(folder, e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => stream.Dispose();
}
