using System.Globalization;
using Demix.Evaluation.Results;

namespace Demix.Evaluation.Scoring;

/// <summary>
/// A folder of results in museval's layout, <c>&lt;root&gt;/&lt;subset&gt;/&lt;track&gt;.json</c> (subset omitted when empty),
/// plus <c>usdr.csv</c> with the whole-track uSDR. Tracks already present are skipped by a resumed run.
/// </summary>
public sealed class ResultsFolder
{
    /// <summary>A results folder at <paramref name="root"/> (created on the first save).</summary>
    public ResultsFolder(string root) => Root = root;

    /// <summary>The aggregate written beside the track JSONs by <c>demix evaluate</c>; <see cref="LoadAll"/> skips it.</summary>
    public const string AggregateFileName = "aggregate.json";

    /// <summary>The folder.</summary>
    public string Root { get; }

    /// <summary>Where the JSON of a track goes.</summary>
    public string PathOf(string subset, string track) =>
        string.IsNullOrEmpty(subset) ? Path.Combine(Root, track + ".json") : Path.Combine(Root, subset, track + ".json");

    /// <summary>True when the track has been scored already.</summary>
    public bool Contains(string subset, string track) => File.Exists(PathOf(subset, track));

    /// <summary>Writes a track's JSON atomically and appends its uSDR row.</summary>
    public void Save(string subset, ScoredTrack scored, bool overwrite = false)
    {
        ArgumentNullException.ThrowIfNull(scored);
        MusevalJson.Save(scored.Scores, PathOf(subset, scored.Scores.TrackName), overwrite);
        string usdrPath = Path.Combine(Root, "usdr.csv");
        bool header = !File.Exists(usdrPath);
        using var writer = new StreamWriter(usdrPath, append: true);
        if (header) writer.WriteLine("track,target,usdr");
        foreach (var (target, value) in scored.UsdrDb)
            writer.WriteLine(string.Join(',', Csv(scored.Scores.TrackName), Csv(target), value.ToString("R", CultureInfo.InvariantCulture)));
    }

    /// <summary>Every track JSON under the folder (any depth), sorted by path.</summary>
    public IReadOnlyList<TrackScores> LoadAll()
    {
        if (!Directory.Exists(Root)) throw new DirectoryNotFoundException($"The results folder '{Root}' does not exist.");
        return Directory.GetFiles(Root, "*.json", SearchOption.AllDirectories)
            .Where(f => !string.Equals(Path.GetFileName(f), AggregateFileName, StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(MusevalJson.Load).ToArray();
    }

    private static string Csv(string text) =>
        text.IndexOfAny([',', '"', '\n']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
