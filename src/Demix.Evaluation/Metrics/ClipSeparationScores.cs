using Demix.Evaluation.BssEval;

namespace Demix.Evaluation.Metrics;

/// <summary>
/// BSS Eval sources (v3, whole clip, best permutation) of one two-source clip, as in the MIR-1K evaluations of
/// Huang et al. (2014, 2015): index 0 = voice, 1 = accompaniment. NSDR = SDR(estimate) - SDR(mixture), where the
/// mixture is scored as the estimate of both sources.
/// </summary>
/// <param name="SampleCount">Clip length in samples (the weight in the global means).</param>
/// <param name="Sdr">SDR of the estimates, dB, [source].</param>
/// <param name="Sir">SIR of the estimates, dB, [source].</param>
/// <param name="Sar">SAR of the estimates, dB, [source].</param>
/// <param name="MixtureSdr">SDR of the unprocessed mixture, dB, [source].</param>
public sealed record ClipSeparationScores(int SampleCount, double[] Sdr, double[] Sir, double[] Sar, double[] MixtureSdr)
{
    /// <summary>Normalised SDR, dB, [source].</summary>
    public double[] Nsdr => Sdr.Zip(MixtureSdr, (s, m) => s - m).ToArray();

    /// <summary>Scores one mono clip. The mixture is voice + accompaniment (0 dB voice-to-music ratio as given).</summary>
    /// <param name="voice">True voice, [sample].</param>
    /// <param name="accompaniment">True accompaniment, [sample].</param>
    /// <param name="voiceEstimate">Estimated voice (padded or cut to the clip length).</param>
    /// <param name="accompanimentEstimate">Estimated accompaniment.</param>
    public static ClipSeparationScores Score(double[] voice, double[] accompaniment, double[] voiceEstimate, double[] accompanimentEstimate)
    {
        ArgumentNullException.ThrowIfNull(voice);
        ArgumentNullException.ThrowIfNull(accompaniment);
        if (voice.Length != accompaniment.Length) throw new ArgumentException("The voice and accompaniment lengths differ.", nameof(accompaniment));
        int n = voice.Length;
        double[] mixture = voice.Zip(accompaniment, (v, a) => v + a).ToArray();
        double[][] references = [voice, accompaniment];
        BssEvalResult separated = MirEvalSeparation.BssEvalSources(references, [Fit(voiceEstimate, n), Fit(accompanimentEstimate, n)]);
        BssEvalResult unprocessed = MirEvalSeparation.BssEvalSources(references, [mixture, mixture]);
        return new ClipSeparationScores(n, Column(separated.Sdr), Column(separated.Sir), Column(separated.Sar), Column(unprocessed.Sdr));
    }

    private static double[] Column(double[][] values) => values.Select(row => row[0]).ToArray();

    private static double[] Fit(double[] signal, int length)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (signal.Length == length) return signal;
        var fitted = new double[length];
        Array.Copy(signal, fitted, Math.Min(length, signal.Length));
        return fitted;
    }
}
