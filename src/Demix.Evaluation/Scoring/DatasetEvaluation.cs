using Demix.Audio;
using Demix.Evaluation.Datasets;

namespace Demix.Evaluation.Scoring;

/// <summary>Progress of a data set evaluation: tracks done so far (scored or skipped) out of the total.</summary>
/// <param name="Track">The track just finished.</param>
/// <param name="Skipped">True when its results already existed (a resumed run).</param>
public sealed record EvaluationProgress(int Done, int Total, string Track, bool Skipped);

/// <summary>
/// Scores every track of a data set into a <see cref="ResultsFolder"/>, resumably: tracks whose JSON exists are
/// skipped. Estimates come from a separator (mixture -> targets) or from an <see cref="EstimatesFolder"/>.
/// This is the engine of <c>demix evaluate</c>; the command only parses options and shows the progress.
/// </summary>
public static class DatasetEvaluation
{
    /// <summary>Separates each mixture with <paramref name="separate"/> and scores the result.</summary>
    /// <param name="separate">Mixture -> estimates by target name (must give vocals and accompaniment).</param>
    /// <returns>Number of tracks scored in this run (skipped ones not counted).</returns>
    public static int Run(IReadOnlyList<EvaluationTrack> tracks, Func<Waveform, IReadOnlyDictionary<string, Waveform>> separate,
        ResultsFolder results, ScoringSettings settings, IProgress<EvaluationProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(separate);
        return Run(tracks, track => separate(track.LoadMixture()), results, settings, progress, cancel);
    }

    /// <summary>Scores estimates written by another tool; tracks without an estimates folder are an error.</summary>
    public static int Run(IReadOnlyList<EvaluationTrack> tracks, EstimatesFolder estimates, ResultsFolder results,
        ScoringSettings settings, IProgress<EvaluationProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        return Run(tracks, track => estimates.FolderOf(track) is null
            ? throw new DirectoryNotFoundException($"There are no estimates for track '{track.Name}' in '{estimates.Root}'.")
            : estimates.Load(track, TrackScorer.VocalsAccompaniment), results, settings, progress, cancel);
    }

    /// <summary>Scores estimates made from the whole track (for oracle methods, which need its references).</summary>
    public static int RunPerTrack(IReadOnlyList<EvaluationTrack> tracks, Func<EvaluationTrack, IReadOnlyDictionary<string, Waveform>> estimatesOf,
        ResultsFolder results, ScoringSettings settings, IProgress<EvaluationProgress>? progress = null, CancellationToken cancel = default) =>
        Run(tracks, estimatesOf, results, settings, progress, cancel);

    private static int Run(IReadOnlyList<EvaluationTrack> tracks, Func<EvaluationTrack, IReadOnlyDictionary<string, Waveform>> estimatesOf,
        ResultsFolder results, ScoringSettings settings, IProgress<EvaluationProgress>? progress, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(results);
        int scored = 0;
        for (int i = 0; i < tracks.Count; i++)
        {
            cancel.ThrowIfCancellationRequested();
            EvaluationTrack track = tracks[i];
            bool skip = results.Contains(track.Subset, track.Name);
            if (!skip)
            {
                results.Save(track.Subset, TrackScorer.Score(track, estimatesOf(track), settings));
                scored++;
            }
            progress?.Report(new EvaluationProgress(i + 1, tracks.Count, track.Name, skip));
        }
        return scored;
    }
}
