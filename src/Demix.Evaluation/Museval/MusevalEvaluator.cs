using Demix.Evaluation.BssEval;

namespace Demix.Evaluation.Museval;

/// <summary>
/// <c>museval.evaluate</c>: estimates are zero-padded or truncated to the reference length, converted to
/// float64, and scored with BSS Eval images without permutation search (v4: filters over the whole track;
/// v3: per window). Inputs are [source][channel][sample].
/// </summary>
public static class MusevalEvaluator
{
    /// <summary>Scores float32 signals (as decoded audio) after padding or truncating the estimates.</summary>
    public static BssEvalResult Evaluate(float[][][] references, float[][][] estimates, BssEvalOptions options)
    {
        return Evaluate(ToDouble(references, null), ToDouble(estimates, Length(references)), options);
    }

    /// <summary>Scores float64 signals after padding or truncating the estimates to the reference length.</summary>
    public static BssEvalResult Evaluate(double[][][] references, double[][][] estimates, BssEvalOptions options)
    {
        return BssEvaluator.Evaluate(references, PadOrTruncate(estimates, Length(references)), options with { ComputePermutation = false });
    }

    /// <summary>SDR only ([source][window]): no filters are needed for it, so this is orders of magnitude faster.</summary>
    public static double[][] EvaluateSdr(float[][][] references, float[][][] estimates, int windowSamples, int hopSamples)
    {
        return BssEvaluator.EvaluateSdr(ToDouble(references, null), ToDouble(estimates, Length(references)), windowSamples, hopSamples);
    }

    /// <summary>museval's pad_or_truncate: zeros appended, or samples cut, so every channel has <paramref name="length"/> samples.</summary>
    public static double[][][] PadOrTruncate(double[][][] estimates, int length)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        return estimates.Select(source => source.Select(channel =>
        {
            if (channel.Length == length) return channel;
            var resized = new double[length];
            Array.Copy(channel, resized, Math.Min(length, channel.Length));
            return resized;
        }).ToArray()).ToArray();
    }

    private static int Length(Array[] sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Length == 0) throw new ArgumentException("There must be at least one reference source.", nameof(sources));
        var channels = (Array[])sources[0];
        return channels.Length == 0 ? 0 : channels[0].Length;
    }

    private static double[][][] ToDouble(float[][][] sources, int? length)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return sources.Select(source => source.Select(channel =>
        {
            var values = new double[length ?? channel.Length];
            int count = Math.Min(values.Length, channel.Length);
            for (int n = 0; n < count; n++) values[n] = channel[n];
            return values;
        }).ToArray()).ToArray();
    }
}
