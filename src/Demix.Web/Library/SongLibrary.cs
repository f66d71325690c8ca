using System.Security.Cryptography;
using System.Text;

namespace Demix.Web.Library;

/// <summary>One song of the library as clients see it: an opaque id, its path relative to the library and its size.</summary>
public sealed record LibrarySong(string Id, string Name, long SizeBytes);

/// <summary>
/// The songs of a server-side folder (searched recursively, by audio extension). Clients get opaque ids
/// (a hash of the relative path) and pick by id; the server maps an id back to a path it found itself, so
/// no client text ever becomes a path.
/// </summary>
public sealed class SongLibrary
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    { ".wav", ".flac", ".mp3", ".ogg", ".opus", ".m4a", ".mp4", ".aac", ".aif", ".aiff", ".webm", ".mka" };

    private readonly string? root;
    private readonly Lock gate = new();
    private Dictionary<string, (LibrarySong Song, string Path)> songs = [];

    /// <summary>Serves the songs below <paramref name="root"/>, or none when null.</summary>
    public SongLibrary(string? root)
    {
        this.root = root is null ? null : Path.GetFullPath(root);
    }

    /// <summary>Scans the folder again and returns the songs sorted by name.</summary>
    public IReadOnlyList<LibrarySong> List()
    {
        if (root is null) return [];
        var found = new Dictionary<string, (LibrarySong, string)>();
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        foreach (string path in Directory.EnumerateFiles(root, "*", options))
        {
            if (!Extensions.Contains(Path.GetExtension(path))) continue;
            string relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            string id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(relative)))[..16];
            found[id] = (new LibrarySong(id, relative, new FileInfo(path).Length), path);
        }
        lock (gate) songs = found;
        return [.. found.Values.Select(v => v.Item1).OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The song with <paramref name="id"/> from the latest scan (scanning first if needed), or null.</summary>
    public (LibrarySong Song, string Path)? Find(string id)
    {
        lock (gate)
        {
            if (songs.TryGetValue(id, out var hit)) return hit;
        }
        List();
        lock (gate) return songs.TryGetValue(id, out var hit) ? hit : null;
    }
}
