using Demix.Audio;

namespace Demix.Separation.Pipeline;

/// <summary>
/// Stems written to files, all or nothing: every sink writes to a temporary file (the sinks from
/// <c>openFile</c> must be atomic, like <see cref="WavWriter.Create"/>), <see cref="CommitAll"/> renames them
/// into place, and if one rename fails the stems already renamed are deleted again.
/// </summary>
public sealed class FileStemOutputs : IStemOutputs
{
    private readonly Func<string, string?> pathOfStem;
    private readonly Func<string, AudioFormat, IAudioSink> openFile;
    private readonly List<(string Path, IAudioSink Sink)> opened = [];
    private bool committed;

    /// <summary>Creates the outputs of one track.</summary>
    /// <param name="pathOfStem">The file of a stem, or null when the stem is not wanted.</param>
    /// <param name="openFile">Opens an atomic file sink (temporary file, renamed on completion).</param>
    public FileStemOutputs(Func<string, string?> pathOfStem, Func<string, AudioFormat, IAudioSink> openFile)
    {
        this.pathOfStem = pathOfStem ?? throw new ArgumentNullException(nameof(pathOfStem));
        this.openFile = openFile ?? throw new ArgumentNullException(nameof(openFile));
    }

    /// <summary>The files written, once committed.</summary>
    public IReadOnlyList<string> Paths => [.. opened.Select(o => o.Path)];

    /// <inheritdoc />
    public IAudioSink? Open(string stem, AudioFormat format)
    {
        string? path = pathOfStem(stem);
        if (path is null) return null;
        if (opened.Any(o => string.Equals(Path.GetFullPath(o.Path), Path.GetFullPath(path), StringComparison.Ordinal)))
        {
            throw new AudioWriteException(path, "two stems would be written to the same file; put {stem} in the name pattern.");
        }
        IAudioSink sink = openFile(path, format);
        opened.Add((path, sink));
        return sink;
    }

    /// <inheritdoc />
    public void CommitAll()
    {
        var published = new List<string>();
        try
        {
            foreach (var (path, sink) in opened)
            {
                sink.Complete();
                published.Add(path);
            }
            committed = true;
        }
        catch
        {
            foreach (string path in published) TryDelete(path);
            throw;
        }
    }

    /// <summary>Disposes every sink; uncommitted stems leave nothing behind.</summary>
    public void Dispose()
    {
        foreach (var (_, sink) in opened) sink.Dispose();
        if (!committed) opened.Clear();
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the caller reports the original failure.
        }
    }
}
