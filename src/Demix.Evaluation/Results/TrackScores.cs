using Demix.Evaluation.BssEval;

namespace Demix.Evaluation.Results;

/// <summary>The four BSS Eval metrics, named as in museval's JSON.</summary>
public enum BssMetric
{
    /// <summary>Source to distortion ratio ("SDR").</summary>
    Sdr,

    /// <summary>Source to interference ratio ("SIR").</summary>
    Sir,

    /// <summary>Source to artifacts ratio ("SAR").</summary>
    Sar,

    /// <summary>Source image to spatial distortion ratio ("ISR").</summary>
    Isr,
}

/// <summary>Scores of one window (museval "frame"), in dB; NaN where museval writes NaN (silent windows, infinities).</summary>
/// <param name="TimeSeconds">Window start, in seconds.</param>
/// <param name="DurationSeconds">Window length, in seconds.</param>
public sealed record FrameScores(double TimeSeconds, double DurationSeconds, double Sdr, double Sir, double Sar, double Isr)
{
    /// <summary>The value of one metric.</summary>
    public double this[BssMetric metric] => metric switch
    {
        BssMetric.Sdr => Sdr,
        BssMetric.Sir => Sir,
        BssMetric.Sar => Sar,
        _ => Isr,
    };
}

/// <summary>The frames of one target (for example "vocals").</summary>
public sealed record TargetScores(string Name, IReadOnlyList<FrameScores> Frames);

/// <summary>museval's per-track result: targets, each a list of frames; written as <c>&lt;track&gt;.json</c>.</summary>
public sealed record TrackScores(string TrackName, IReadOnlyList<TargetScores> Targets, string MusevalVersion = TrackScores.DefaultVersion)
{
    /// <summary>The museval version whose JSON layout this follows.</summary>
    public const string DefaultVersion = "0.4.1";

    /// <summary>Wraps a BSS Eval result; source j becomes target <paramref name="targetNames"/>[j].</summary>
    /// <param name="windowSeconds">Window length in seconds (museval's <c>win</c>).</param>
    /// <param name="hopSeconds">Hop in seconds (frame t starts at t x hop).</param>
    public static TrackScores FromResult(string trackName, IReadOnlyList<string> targetNames, BssEvalResult result, double windowSeconds, double hopSeconds)
    {
        ArgumentNullException.ThrowIfNull(result);
        return FromMetrics(trackName, targetNames, result.Sdr, result.Sir, result.Sar, result.Isr, windowSeconds, hopSeconds);
    }

    /// <summary>Builds the scores from metric arrays [source][window] (for example SDR only, with NaN elsewhere).</summary>
    public static TrackScores FromMetrics(string trackName, IReadOnlyList<string> targetNames, double[][] sdr, double[][] sir,
        double[][] sar, double[][] isr, double windowSeconds, double hopSeconds)
    {
        ArgumentNullException.ThrowIfNull(targetNames);
        if (targetNames.Count != sdr.Length)
            throw new ArgumentException($"{targetNames.Count} target names for {sdr.Length} scored sources.", nameof(targetNames));
        var targets = new List<TargetScores>();
        for (int j = 0; j < targetNames.Count; j++)
        {
            var frames = new FrameScores[sdr[j].Length];
            for (int t = 0; t < frames.Length; t++)
                frames[t] = new FrameScores(t * hopSeconds, windowSeconds, sdr[j][t], sir[j][t], sar[j][t], isr[j][t]);
            targets.Add(new TargetScores(targetNames[j], frames));
        }
        return new TrackScores(trackName, targets);
    }
}
