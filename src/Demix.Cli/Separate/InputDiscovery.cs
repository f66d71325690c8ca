namespace Demix.Cli.Separate;

/// <summary>One input to separate: its path and the name used for {track}.</summary>
/// <param name="Path">The file, as found.</param>
/// <param name="TrackName">Name without extension; for files found in a folder, the path below that folder.</param>
public sealed record InputFile(string Path, string TrackName);

/// <summary>
/// Expands the command line's files and folders: a file is taken as it is (whatever its extension, the
/// decoder judges it); a folder is searched recursively for files with an audio extension, in name order.
/// </summary>
public static class InputDiscovery
{
    /// <summary>Extensions taken from folders (lower case, with the dot).</summary>
    public static IReadOnlyList<string> AudioExtensions { get; } =
        [".wav", ".wave", ".flac", ".mp3", ".ogg", ".oga", ".opus", ".m4a", ".mp4", ".aac", ".aif", ".aiff", ".wma", ".webm", ".mka"];

    /// <summary>Finds the inputs; <paramref name="problems"/> receives one message per argument that gives nothing.</summary>
    /// <param name="arguments">Files and folders from the command line.</param>
    /// <param name="problems">Receives (argument, message) for each argument that gives no input.</param>
    /// <param name="outputFolder">Files below it are never taken from a folder (earlier results are not inputs).</param>
    public static IReadOnlyList<InputFile> Find(IEnumerable<string> arguments, List<(string Path, string Message)> problems, string? outputFolder = null)
    {
        string? excluded = outputFolder is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputFolder)) + Path.DirectorySeparatorChar;
        var found = new List<InputFile>();
        foreach (string argument in arguments)
        {
            if (File.Exists(argument))
            {
                found.Add(new InputFile(argument, TrackName(Path.GetFileName(argument))));
            }
            else if (Directory.Exists(argument))
            {
                int before = found.Count;
                found.AddRange(FromFolder(argument).Where(input => excluded is null || !Path.GetFullPath(input.Path).StartsWith(excluded, StringComparison.Ordinal)));
                if (found.Count == before) problems.Add((argument, $"'{argument}': the folder holds no audio files ({string.Join(", ", AudioExtensions)})."));
            }
            else
            {
                problems.Add((argument, $"'{argument}': no such file or folder."));
            }
        }
        return found;
    }

    private static IEnumerable<InputFile> FromFolder(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(path => AudioExtensions.Contains(Path.GetExtension(path).ToLowerInvariant()))
            .Where(path => !Path.GetFileName(path).StartsWith('.'))   // hidden files, our own .partial temporaries
            .Order(StringComparer.Ordinal)
            .Select(path => new InputFile(path, TrackName(Path.GetRelativePath(folder, path).Replace('\\', '/'))));

    /// <summary>The name without extension (and without the ".stem" of NI stem files).</summary>
    public static string TrackName(string relativePath)
    {
        string withoutExtension = Path.ChangeExtension(relativePath, null);
        return withoutExtension.EndsWith(".stem", StringComparison.OrdinalIgnoreCase) ? withoutExtension[..^5] : withoutExtension;
    }
}
