using Demix.Evaluation.Fourier;
using Demix.Evaluation.LinearAlgebra;

namespace Demix.Evaluation.BssEval;

/// <summary>
/// BSS Eval (Vincent et al. 2006; museval v4, Liutkus et al. 2018) on in-memory float64 signals
/// [source][channel][sample]: per window, SDR, ISR, SIR and SAR of each estimate against its reference.
/// Follows museval's <c>metrics.bss_eval</c>: windows [t hop, t hop + window), a window where any reference or
/// estimate source is silent is NaN for every source, an entirely silent source is an error, 512-tap filters
/// over the whole signal (v4) or per window (v3). Windows run in parallel.
/// </summary>
public static class BssEvaluator
{
    /// <summary>Scores <paramref name="estimates"/> against <paramref name="references"/> (same shape).</summary>
    /// <param name="references">True sources, [source][channel][sample].</param>
    /// <param name="estimates">Estimated sources, [source][channel][sample].</param>
    /// <param name="options">Window, hop, filter mode, decomposition, permutation search.</param>
    /// <exception cref="ArgumentException">Shapes differ, or a reference or estimate source is entirely silent.</exception>
    public static BssEvalResult Evaluate(double[][][] references, double[][][] estimates, BssEvalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var signals = new SignalSet(references, estimates);
        CheckNotSilent(signals);
        var windows = Framing.Windows(signals.SampleCount, options.WindowSamples, options.HopSamples);
        int[][] candidates = PermutationSelector.Candidates(signals.SourceCount, options.ComputePermutation);
        SourcePair[] pairs = PairsOf(candidates, signals.SourceCount);
        int longest = windows.Max(w => w.Length);
        var fft = new RealFft(SpectralMath.NextPowerOfTwo(Math.Min(longest, 8192 - options.FilterLength + 1) + options.FilterLength - 1));
        int[] allSources = Enumerable.Range(0, signals.SourceCount).ToArray();
        FilterPlan? wholePlan = options.Filters == FilterEstimation.WholeSignal
            ? FilterPlan.Build(signals, 0, signals.SampleCount, allSources, options.FilterLength, options.DiagonalLoading, fft)
            : null;
        var ratios = new Ratios[windows.Count][];
        var paths = new SolverPath[windows.Count];
        Parallel.For(0, windows.Count, () => new FrameProjector(fft, options.FilterLength), (t, _, projector) =>
        {
            var (start, length) = windows[t];
            if (SignalSet.AnySourceSilent(signals.References, signals.ChannelCount, start, length)
                || SignalSet.AnySourceSilent(signals.Estimates, signals.ChannelCount, start, length)) return projector;
            FilterPlan plan = wholePlan ?? FilterPlan.Build(signals, start, length, allSources, options.FilterLength, options.DiagonalLoading, fft);
            paths[t] = plan.WorstPath;
            EnergyTerms[] terms = projector.Score(plan, signals, start, length, pairs);
            ratios[t] = terms.Select(term => Ratios.From(term, options.Decomposition)).ToArray();
            return projector;
        }, _ => { });
        SolverPath worst = wholePlan?.WorstPath ?? (paths.Length == 0 ? SolverPath.Cholesky : paths.Max());
        return ResultAssembler.Assemble(ratios, pairs, candidates, windows, signals.SourceCount, options.Filters, worst);
    }

    /// <summary>
    /// SDR only, images decomposition, identity assignment: SDR = 10 log10(sum s^2 / sum (e - s)^2) per window,
    /// which is exactly what the full decomposition gives (e_spat + e_interf + e_artif = e - s), with no filters.
    /// </summary>
    public static double[][] EvaluateSdr(double[][][] references, double[][][] estimates, int windowSamples, int hopSamples)
    {
        var signals = new SignalSet(references, estimates);
        CheckNotSilent(signals);
        var windows = Framing.Windows(signals.SampleCount, windowSamples, hopSamples);
        var sdr = new double[signals.SourceCount][];
        for (int j = 0; j < sdr.Length; j++) sdr[j] = new double[windows.Count];
        Parallel.For(0, windows.Count, t =>
        {
            var (start, length) = windows[t];
            bool silent = SignalSet.AnySourceSilent(signals.References, signals.ChannelCount, start, length)
                || SignalSet.AnySourceSilent(signals.Estimates, signals.ChannelCount, start, length);
            for (int j = 0; j < signals.SourceCount; j++)
                sdr[j][t] = silent ? double.NaN : WindowSdr(signals, j, start, length);
        });
        return sdr;
    }

    private static double WindowSdr(SignalSet signals, int source, int start, int length)
    {
        double target = 0, error = 0;
        for (int c = 0; c < signals.ChannelCount; c++)
        {
            var s = signals.References[source * signals.ChannelCount + c].AsSpan(start, length);
            var e = signals.Estimates[source * signals.ChannelCount + c].AsSpan(start, length);
            target += System.Numerics.Tensors.TensorPrimitives.Dot(s, s);
            error += SquaredDistance(s, e);
        }
        return Ratios.Db(target, error);
    }

    private static double SquaredDistance(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double distance = System.Numerics.Tensors.TensorPrimitives.Distance(x, y);
        return distance * distance;
    }

    private static void CheckNotSilent(SignalSet signals)
    {
        if (signals.SampleCount == 0) throw new ArgumentException("The signals are empty.");
        if (SignalSet.AnySourceSilent(signals.References, signals.ChannelCount, 0, signals.SampleCount))
            throw new ArgumentException("A reference source is entirely silent (all zeros); BSS Eval is undefined for it.");
        if (SignalSet.AnySourceSilent(signals.Estimates, signals.ChannelCount, 0, signals.SampleCount))
            throw new ArgumentException("An estimated source is entirely silent (all zeros); BSS Eval is undefined for it.");
    }

    private static SourcePair[] PairsOf(int[][] candidates, int sourceCount)
    {
        var pairs = new SortedSet<(int, int)>();
        foreach (int[] permutation in candidates)
            for (int j = 0; j < sourceCount; j++) pairs.Add((j, permutation[j]));
        return pairs.Select(p => new SourcePair(p.Item1, p.Item2)).ToArray();
    }
}
