namespace Demix.Tests.Shared;

/// <summary>
/// Finds the repository root (the folder holding Demix.sln) and the <c>shared/</c> folder beside it,
/// which holds the reference fixtures and the data sets. Tests that need them fail with a clear message
/// when they are missing, never silently pass.
/// </summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> root = new(FindRoot);

    /// <summary>The folder holding Demix.sln.</summary>
    public static string Root => root.Value;

    /// <summary><c>../shared</c> beside the repository root.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>A path inside <c>../shared/fixtures</c>; throws when it does not exist.</summary>
    public static string Fixture(params string[] parts) => Existing(Path.Combine([Shared, "fixtures", .. parts]));

    /// <summary>A path inside <c>../shared/data</c>; throws when it does not exist.</summary>
    public static string Data(params string[] parts) => Existing(Path.Combine([Shared, "data", .. parts]));

    private static string Existing(string path)
    {
        if (File.Exists(path) || Directory.Exists(path)) return path;
        throw new FileNotFoundException(
            $"Test input '{path}' is missing. The tests expect the shared fixtures and data in '{Shared}' " +
            "(the folder 'shared' beside the repository root).", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Demix.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"Cannot find Demix.sln above '{AppContext.BaseDirectory}'.");
    }
}
