using Demix.Audio;

namespace Demix.Evaluation.Datasets;

/// <summary>
/// A generic folder: <c>&lt;root&gt;/&lt;track&gt;/{mixture,vocals,accompaniment}.&lt;any audio extension&gt;</c>. A track needs a
/// mixture; its targets are whichever of vocals and accompaniment exist. Also the layout for scoring estimates
/// written by other tools (<c>&lt;root&gt;/&lt;track&gt;/vocals.wav</c> ...).
/// </summary>
public static class FolderDataset
{
    private static readonly string[] Targets = ["vocals", "accompaniment"];

    /// <summary>Every track folder with a mixture, sorted by name.</summary>
    /// <exception cref="DirectoryNotFoundException">The root does not exist.</exception>
    public static IReadOnlyList<EvaluationTrack> Tracks(string root, Func<string, bool>? filter = null)
    {
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"The data folder '{root}' does not exist.");
        var tracks = new List<EvaluationTrack>();
        foreach (string directory in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(directory);
            string? mixture = Find(directory, "mixture");
            if (mixture is null || (filter is not null && !filter(name))) continue;
            var targets = new Dictionary<string, Func<Waveform>>();
            foreach (string target in Targets)
                if (Find(directory, target) is { } file) targets[target] = () => AudioFile.Read(file);
            tracks.Add(new EvaluationTrack(name, "", () => AudioFile.Read(mixture), targets)
            {
                SourceFiles = [mixture, .. Targets.Select(t => Find(directory, t)).OfType<string>()],
            });
        }
        return tracks;
    }

    /// <summary>The file <c>&lt;stem&gt;.*</c> in <paramref name="directory"/>, or null (several: the first by name).</summary>
    public static string? Find(string directory, string stem) =>
        Directory.GetFiles(directory, stem + ".*").Order(StringComparer.Ordinal).FirstOrDefault();
}
