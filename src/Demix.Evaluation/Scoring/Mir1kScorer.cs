using Demix.Audio;
using Demix.Evaluation.Datasets;
using Demix.Evaluation.Metrics;

namespace Demix.Evaluation.Scoring;

/// <summary>
/// Scores a MIR-1K clip as the DRNN papers do: BSS Eval sources (v3) on the mono voice and accompaniment over
/// the whole clip, and NSDR against the unprocessed mixture; add the results to a <see cref="GlobalSeparationScores"/>
/// for GNSDR / GSIR / GSAR. Stereo estimates are averaged to mono.
/// </summary>
public static class Mir1kScorer
{
    /// <summary>Scores the clip's estimates against its references.</summary>
    /// <exception cref="ArgumentException">An estimate's sample rate differs from the clip's.</exception>
    public static ClipSeparationScores Score(EvaluationTrack clip, Waveform voiceEstimate, Waveform accompanimentEstimate)
    {
        ArgumentNullException.ThrowIfNull(clip);
        Waveform voice = clip.LoadTarget("vocals"), accompaniment = clip.LoadTarget("accompaniment");
        foreach (Waveform estimate in new[] { voiceEstimate, accompanimentEstimate })
        {
            if (estimate.SampleRate != voice.SampleRate)
                throw new ArgumentException($"Clip '{clip.Name}': an estimate is at {estimate.SampleRate} Hz but the clip at {voice.SampleRate} Hz.");
        }
        return ClipSeparationScores.Score(Mono(voice), Mono(accompaniment), Mono(voiceEstimate), Mono(accompanimentEstimate));
    }

    /// <summary>The mean over channels, in float64.</summary>
    public static double[] Mono(Waveform waveform)
    {
        ArgumentNullException.ThrowIfNull(waveform);
        var mono = new double[waveform.FrameCount];
        for (int n = 0; n < mono.Length; n++)
        {
            double sum = 0;
            for (int c = 0; c < waveform.ChannelCount; c++) sum += waveform.Channels[c][n];
            mono[n] = sum / waveform.ChannelCount;
        }
        return mono;
    }
}
