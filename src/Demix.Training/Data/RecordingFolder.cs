namespace Demix.Training.Data;

/// <summary>
/// A folder of single-source recordings (vocal-only or music-only), searched recursively for audio files
/// (wav, flac, mp3, ogg, opus, m4a, aac); <c>manifest.csv</c> and <c>PROVENANCE.md</c> are skipped. Used for the
/// S4 synthetic songs and for random mixing with other corpora.
/// </summary>
public static class RecordingFolder
{
    private static readonly string[] AudioExtensions = [".wav", ".flac", ".mp3", ".ogg", ".opus", ".m4a", ".aac"];

    /// <summary>Every audio file under <paramref name="root"/>, sorted by relative path.</summary>
    /// <exception cref="DirectoryNotFoundException">The root does not exist.</exception>
    public static IReadOnlyList<string> Files(string root)
    {
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"The recordings folder '{root}' does not exist.");
        return [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => AudioExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)];
    }
}
