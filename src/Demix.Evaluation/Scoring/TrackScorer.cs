using Demix.Audio;
using Demix.Evaluation.BssEval;
using Demix.Evaluation.Datasets;
using Demix.Evaluation.Metrics;
using Demix.Evaluation.Museval;
using Demix.Evaluation.Results;

namespace Demix.Evaluation.Scoring;

/// <summary>What to compute for a track.</summary>
/// <param name="WindowSeconds">BSS Eval window, seconds (museval: 1).</param>
/// <param name="HopSeconds">BSS Eval hop, seconds (museval: 1).</param>
/// <param name="Filters">v4 (whole-track filters) or v3 (per window).</param>
/// <param name="SdrOnly">Only SDR (no distortion filters; SIR, SAR, ISR are written as NaN).</param>
public sealed record ScoringSettings(double WindowSeconds = 1.0, double HopSeconds = 1.0,
    FilterEstimation Filters = FilterEstimation.WholeSignal, bool SdrOnly = false);

/// <summary>A track's museval scores plus the whole-track uSDR of each target.</summary>
public sealed record ScoredTrack(TrackScores Scores, IReadOnlyDictionary<string, double> UsdrDb);

/// <summary>
/// Scores the estimates of one track as museval's <c>eval_mus_track</c> does for a singing-voice separation:
/// vocals and accompaniment are one two-source BSS Eval images problem (v4 by default), estimates padded or
/// truncated to the reference length.
/// </summary>
public static class TrackScorer
{
    /// <summary>The two targets of a vocals/accompaniment separation, in museval's order.</summary>
    public static IReadOnlyList<string> VocalsAccompaniment { get; } = ["vocals", "accompaniment"];

    /// <summary>Scores <paramref name="estimates"/> (by target name) against the track's references.</summary>
    /// <exception cref="ArgumentException">A target is missing, or rates / channel counts differ from the references.</exception>
    public static ScoredTrack Score(EvaluationTrack track, IReadOnlyDictionary<string, Waveform> estimates, ScoringSettings settings)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(estimates);
        var references = new float[VocalsAccompaniment.Count][][];
        var estimated = new float[VocalsAccompaniment.Count][][];
        int rate = 0;
        for (int j = 0; j < VocalsAccompaniment.Count; j++)
        {
            string target = VocalsAccompaniment[j];
            if (!estimates.TryGetValue(target, out Waveform? estimate))
                throw new ArgumentException($"Track '{track.Name}': there is no '{target}' estimate (museval scores vocals and accompaniment together).");
            Waveform reference = track.LoadTarget(target);
            Check(track.Name, target, reference, estimate);
            rate = reference.SampleRate;
            references[j] = reference.Channels;
            estimated[j] = estimate.Channels;
        }
        int window = (int)(settings.WindowSeconds * rate), hop = (int)(settings.HopSeconds * rate); // museval: int(win * rate)
        TrackScores scores = ScoreWindows(track.Name, references, estimated, window, hop, settings);
        var usdr = VocalsAccompaniment.Select((t, j) => (t, Usdr.Compute(references[j], estimated[j]))).ToDictionary(p => p.t, p => p.Item2);
        return new ScoredTrack(scores, usdr);
    }

    private static void Check(string track, string target, Waveform reference, Waveform estimate)
    {
        if (reference.SampleRate != estimate.SampleRate)
            throw new ArgumentException($"Track '{track}', {target}: the estimate is at {estimate.SampleRate} Hz but the reference at {reference.SampleRate} Hz.");
        if (reference.ChannelCount != estimate.ChannelCount)
            throw new ArgumentException($"Track '{track}', {target}: the estimate has {estimate.ChannelCount} channels but the reference {reference.ChannelCount}.");
    }

    private static TrackScores ScoreWindows(string name, float[][][] references, float[][][] estimates, int window, int hop, ScoringSettings settings)
    {
        if (settings.SdrOnly)
        {
            double[][] sdr = MusevalEvaluator.EvaluateSdr(references, estimates, window, hop);
            double[][] missing = sdr.Select(row => Enumerable.Repeat(double.NaN, row.Length).ToArray()).ToArray();
            return TrackScores.FromMetrics(name, VocalsAccompaniment, sdr, missing, missing, missing, settings.WindowSeconds, settings.HopSeconds);
        }
        var options = new BssEvalOptions { WindowSamples = window, HopSamples = hop, Filters = settings.Filters };
        BssEvalResult result = MusevalEvaluator.Evaluate(references, estimates, options);
        return TrackScores.FromResult(name, VocalsAccompaniment, result, settings.WindowSeconds, settings.HopSeconds);
    }
}
