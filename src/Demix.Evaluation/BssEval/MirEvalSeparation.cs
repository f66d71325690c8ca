namespace Demix.Evaluation.BssEval;

/// <summary>
/// The four functions of mir_eval 0.7's <c>separation</c> module (BSS Eval v3), with their conventions:
/// 512-tap filters estimated per window, no diagonal loading, permutation search on for the whole-signal
/// functions and off for the framewise ones, and the framewise functions fall back to the whole-signal
/// result (one window) when fewer than two windows fit.
/// </summary>
public static class MirEvalSeparation
{
    /// <summary><c>bss_eval_sources(reference, estimated, compute_permutation)</c> on mono sources [source][sample].</summary>
    public static BssEvalResult BssEvalSources(double[][] references, double[][] estimates, bool computePermutation = true)
    {
        return BssEvaluator.Evaluate(AsImages(references), AsImages(estimates), WholeSignal(Decomposition.Sources, computePermutation));
    }

    /// <summary><c>bss_eval_sources_framewise(reference, estimated, window, hop, compute_permutation)</c>.</summary>
    public static BssEvalResult BssEvalSourcesFramewise(double[][] references, double[][] estimates, int window, int hop, bool computePermutation = false)
    {
        int samples = references.Length > 0 ? references[0].Length : 0;
        if (WindowCount(samples, window, hop) < 2) return BssEvalSources(references, estimates, computePermutation);
        return BssEvaluator.Evaluate(AsImages(references), AsImages(estimates), Framewise(Decomposition.Sources, window, hop, computePermutation));
    }

    /// <summary><c>bss_eval_images(reference, estimated, compute_permutation)</c> on [source][channel][sample].</summary>
    public static BssEvalResult BssEvalImages(double[][][] references, double[][][] estimates, bool computePermutation = true)
    {
        return BssEvaluator.Evaluate(references, estimates, WholeSignal(Decomposition.Images, computePermutation));
    }

    /// <summary><c>bss_eval_images_framewise(reference, estimated, window, hop, compute_permutation)</c>.</summary>
    public static BssEvalResult BssEvalImagesFramewise(double[][][] references, double[][][] estimates, int window, int hop, bool computePermutation = false)
    {
        int samples = references.Length > 0 && references[0].Length > 0 ? references[0][0].Length : 0;
        if (WindowCount(samples, window, hop) < 2) return BssEvalImages(references, estimates, computePermutation);
        return BssEvaluator.Evaluate(references, estimates, Framewise(Decomposition.Images, window, hop, computePermutation));
    }

    private static long WindowCount(int samples, int window, int hop) => (long)Math.Floor((samples - (double)window + hop) / hop);

    private static BssEvalOptions WholeSignal(Decomposition decomposition, bool computePermutation) => new()
    {
        WindowSamples = int.MaxValue,
        HopSamples = int.MaxValue,
        Filters = FilterEstimation.PerWindow,
        Decomposition = decomposition,
        ComputePermutation = computePermutation,
        DiagonalLoading = 0,
    };

    private static BssEvalOptions Framewise(Decomposition decomposition, int window, int hop, bool computePermutation) =>
        WholeSignal(decomposition, computePermutation) with { WindowSamples = window, HopSamples = hop };

    private static double[][][] AsImages(double[][] mono)
    {
        ArgumentNullException.ThrowIfNull(mono);
        return mono.Select(source => new[] { source }).ToArray();
    }
}
