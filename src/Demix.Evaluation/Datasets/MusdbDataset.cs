using Demix.Audio;

namespace Demix.Evaluation.Datasets;

/// <summary>
/// MUSDB18 in either layout: NI stem files (<c>{train,test}/&lt;track&gt;.stem.mp4</c>, streams 0 mixture,
/// 1 drums, 2 bass, 3 other, 4 vocals; decoded by ffmpeg) or MUSDB18-HQ WAVs
/// (<c>{train,test}/&lt;track&gt;/{mixture,drums,bass,other,vocals}.wav</c>). Targets: vocals, drums, bass, other
/// and accompaniment = drums + bass + other. The validation split is the list in <c>musdb_config_mus.yaml</c>.
/// </summary>
public static class MusdbDataset
{
    private static readonly string[] Stems = ["drums", "bass", "other", "vocals"];

    /// <summary>The tracks of <paramref name="split"/> under <paramref name="root"/>, sorted by name.</summary>
    /// <param name="validationTracks">The validation track names; null reads <c>musdb_config_mus.yaml</c> from the root
    /// (or its parent) and falls back to the 14 standard names.</param>
    /// <param name="filter">Keeps the tracks whose name it accepts (null keeps all).</param>
    /// <exception cref="DirectoryNotFoundException">The root has neither a train nor a test folder.</exception>
    public static IReadOnlyList<EvaluationTrack> Tracks(string root, DatasetSplit split, IReadOnlyCollection<string>? validationTracks = null, Func<string, bool>? filter = null)
    {
        if (!Directory.Exists(Path.Combine(root, "train")) && !Directory.Exists(Path.Combine(root, "test")))
            throw new DirectoryNotFoundException($"'{root}' is not a MUSDB18 folder: it has no 'train' or 'test' folder.");
        var validation = new HashSet<string>(validationTracks ?? MusdbValidationList.Find(root), StringComparer.Ordinal);
        var tracks = new List<EvaluationTrack>();
        foreach (string subset in split == DatasetSplit.Test ? ["test"] : split == DatasetSplit.All ? ["train", "test"] : new[] { "train" })
        {
            foreach (EvaluationTrack track in SubsetTracks(root, subset))
            {
                bool isValidation = subset == "train" && validation.Contains(track.Name);
                if (split == DatasetSplit.Train && isValidation) continue;
                if (split == DatasetSplit.Validation && !isValidation) continue;
                if (filter is null || filter(track.Name)) tracks.Add(track);
            }
        }
        return tracks;
    }

    private static IEnumerable<EvaluationTrack> SubsetTracks(string root, string subset)
    {
        string folder = Path.Combine(root, subset);
        if (!Directory.Exists(folder)) yield break;
        foreach (string file in Directory.GetFiles(folder, "*.stem.mp4").Order(StringComparer.Ordinal))
            yield return StemTrack(file, subset);
        foreach (string directory in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
            if (File.Exists(Path.Combine(directory, "mixture.wav"))) yield return WavTrack(directory, subset);
    }

    private static EvaluationTrack StemTrack(string file, string subset)
    {
        string name = Path.GetFileName(file)[..^".stem.mp4".Length];
        Func<Waveform> Stream(int index) => () => AudioFile.Read(file, new AudioReadOptions { StreamIndex = index });
        return Build(name, subset, Stream(0), stem => Stream(Array.IndexOf(Stems, stem) + 1), [file]);
    }

    private static EvaluationTrack WavTrack(string directory, string subset)
    {
        Func<Waveform> File(string stem) => () => AudioFile.Read(Path.Combine(directory, stem + ".wav"));
        return Build(Path.GetFileName(directory), subset, File("mixture"), File,
            [.. new[] { "mixture" }.Concat(Stems).Select(s => Path.Combine(directory, s + ".wav"))]);
    }

    private static EvaluationTrack Build(string name, string subset, Func<Waveform> mixture, Func<string, Func<Waveform>> stem, IReadOnlyList<string> files)
    {
        var targets = Stems.ToDictionary(s => s, stem);
        targets["accompaniment"] = () => EvaluationTrack.Sum([stem("drums")(), stem("bass")(), stem("other")()]);
        return new EvaluationTrack(name, subset, mixture, targets) { SourceFiles = files };
    }
}
