using Demix.Audio;

namespace Demix.Evaluation.Datasets;

/// <summary>
/// DSD100: <c>Mixtures/{Dev,Test}/&lt;track&gt;/mixture.wav</c> and <c>Sources/{Dev,Test}/&lt;track&gt;/{vocals,bass,drums,other}.wav</c>.
/// Dev is the training split, Test the test split; accompaniment = drums + bass + other.
/// </summary>
public static class Dsd100Dataset
{
    /// <summary>The tracks of <paramref name="split"/> (Validation has none), sorted by name.</summary>
    /// <exception cref="DirectoryNotFoundException">There is no Mixtures folder.</exception>
    public static IReadOnlyList<EvaluationTrack> Tracks(string root, DatasetSplit split, Func<string, bool>? filter = null)
    {
        if (!Directory.Exists(Path.Combine(root, "Mixtures")))
            throw new DirectoryNotFoundException($"'{root}' is not a DSD100 folder: it has no 'Mixtures' folder.");
        string[] subsets = split switch
        {
            DatasetSplit.Train => ["Dev"],
            DatasetSplit.Test => ["Test"],
            DatasetSplit.All => ["Dev", "Test"],
            _ => [],
        };
        var tracks = new List<EvaluationTrack>();
        foreach (string subset in subsets)
        {
            string folder = Path.Combine(root, "Mixtures", subset);
            if (!Directory.Exists(folder)) continue;
            foreach (string directory in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
            {
                string name = Path.GetFileName(directory);
                if (filter is null || filter(name)) tracks.Add(Track(root, subset, name));
            }
        }
        return tracks;
    }

    private static EvaluationTrack Track(string root, string subset, string name)
    {
        string sources = Path.Combine(root, "Sources", subset, name);
        Func<Waveform> Source(string stem) => () => AudioFile.Read(Path.Combine(sources, stem + ".wav"));
        var targets = new Dictionary<string, Func<Waveform>>
        {
            ["vocals"] = Source("vocals"),
            ["drums"] = Source("drums"),
            ["bass"] = Source("bass"),
            ["other"] = Source("other"),
            ["accompaniment"] = () => EvaluationTrack.Sum([Source("drums")(), Source("bass")(), Source("other")()]),
        };
        return new EvaluationTrack(name, subset, () => AudioFile.Read(Path.Combine(root, "Mixtures", subset, name, "mixture.wav")), targets)
        {
            SourceFiles = [Path.Combine(root, "Mixtures", subset, name, "mixture.wav"), .. new[] { "vocals", "drums", "bass", "other" }.Select(s => Path.Combine(sources, s + ".wav"))],
        };
    }
}
