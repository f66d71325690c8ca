using Demix.Audio;
using Demix.Evaluation.Datasets;

namespace Demix.Evaluation.Scoring;

/// <summary>
/// Estimates written by any tool: <c>&lt;root&gt;/&lt;subset&gt;/&lt;track&gt;/&lt;target&gt;.*</c> (museval's layout) or
/// <c>&lt;root&gt;/&lt;track&gt;/&lt;target&gt;.*</c>.
/// </summary>
public sealed class EstimatesFolder
{
    /// <summary>Estimates under <paramref name="root"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public EstimatesFolder(string root)
    {
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"The estimates folder '{root}' does not exist.");
        Root = root;
    }

    /// <summary>The folder.</summary>
    public string Root { get; }

    /// <summary>The folder holding a track's estimates, or null when there is none.</summary>
    public string? FolderOf(EvaluationTrack track)
    {
        ArgumentNullException.ThrowIfNull(track);
        string withSubset = Path.Combine(Root, track.Subset, track.Name);
        if (track.Subset.Length > 0 && Directory.Exists(withSubset)) return withSubset;
        string flat = Path.Combine(Root, track.Name);
        return Directory.Exists(flat) ? flat : null;
    }

    /// <summary>Decodes the estimates of <paramref name="targets"/> that exist for the track.</summary>
    public IReadOnlyDictionary<string, Waveform> Load(EvaluationTrack track, IEnumerable<string> targets)
    {
        var estimates = new Dictionary<string, Waveform>();
        string? folder = FolderOf(track);
        if (folder is null) return estimates;
        foreach (string target in targets)
            if (FolderDataset.Find(folder, target) is { } file) estimates[target] = AudioFile.Read(file);
        return estimates;
    }
}
