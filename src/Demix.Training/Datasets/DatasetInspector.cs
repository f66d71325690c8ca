using Demix.Training.Config;
using Demix.Training.Data;

namespace Demix.Training.Datasets;

/// <summary>One line of <c>demix dataset info</c>: a split of a detected layout and its track count.</summary>
public sealed record DatasetSummary(string Kind, string Split, int Tracks, IReadOnlyList<string> Examples);

/// <summary>Detects a corpus layout from its folders and counts the tracks of each split.</summary>
public static class DatasetInspector
{
    /// <summary>The layout of <paramref name="root"/>: musdb, dsd100, mir1k, ccmixter, folder, or recordings (voice/music).</summary>
    /// <exception cref="DirectoryNotFoundException">The root does not exist.</exception>
    public static string DetectKind(string root)
    {
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"The data folder '{root}' does not exist.");
        if (Directory.Exists(Path.Combine(root, "Wavfile"))) return "mir1k";
        if (Directory.Exists(Path.Combine(root, "Mixtures")) && Directory.Exists(Path.Combine(root, "Sources"))) return "dsd100";
        if (Directory.Exists(Path.Combine(root, "train")) || Directory.Exists(Path.Combine(root, "test"))) return "musdb";
        var folders = Directory.GetDirectories(root);
        if (folders.Any(f => File.Exists(Path.Combine(f, "source-01.wav")))) return "ccmixter";
        if (folders.Any(f => Directory.GetFiles(f, "mixture.*").Length > 0)) return "folder";
        return "recordings";
    }

    /// <summary>Track counts per split of the layout found at <paramref name="root"/>.</summary>
    public static IReadOnlyList<DatasetSummary> Describe(string root)
    {
        string kind = DetectKind(root);
        string[] splits = kind switch
        {
            "musdb" => ["train", "validation", "test"],
            "dsd100" or "mir1k" => ["train", "test"],
            _ => ["all"],
        };
        var result = new List<DatasetSummary>();
        foreach (string split in splits)
        {
            string listed = kind == "recordings" ? "voice" : kind;
            var tracks = CorpusLoader.List(new SourceConfig { Kind = listed, Root = root, Split = split });
            result.Add(new DatasetSummary(kind, split, tracks.Count, [.. tracks.Take(3).Select(t => t.Name)]));
        }
        return result;
    }
}
