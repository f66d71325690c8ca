using Demix.Audio;
using Demix.Evaluation.Datasets;

namespace Demix.Training.Data;

/// <summary>
/// The ccMixter corpus layout (Liutkus et al. 2014): <c>&lt;root&gt;/&lt;song&gt;/{mix,background,source-01}.wav</c>, where
/// <c>source-01</c> holds the vocals and <c>background</c> the accompaniment. Read as evaluation tracks.
/// </summary>
public static class CcMixterLayout
{
    /// <summary>Every song folder holding background and source-01, sorted by name.</summary>
    /// <exception cref="DirectoryNotFoundException">The root does not exist.</exception>
    public static IReadOnlyList<EvaluationTrack> Tracks(string root)
    {
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"The ccMixter folder '{root}' does not exist.");
        var tracks = new List<EvaluationTrack>();
        foreach (string folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            string vocals = Path.Combine(folder, "source-01.wav"), background = Path.Combine(folder, "background.wav");
            if (!File.Exists(vocals) || !File.Exists(background)) continue;
            var targets = new Dictionary<string, Func<Waveform>>
            {
                ["vocals"] = () => AudioFile.Read(vocals),
                ["accompaniment"] = () => AudioFile.Read(background),
            };
            tracks.Add(new EvaluationTrack(Path.GetFileName(folder), "", () => EvaluationTrack.Sum([AudioFile.Read(vocals), AudioFile.Read(background)]), targets)
            {
                SourceFiles = [vocals, background],
            });
        }
        return tracks;
    }
}
