namespace Demix.Evaluation.BssEval;

/// <summary>Where the distortion filters are estimated.</summary>
public enum FilterEstimation
{
    /// <summary>Once over the whole signal, then used in every window (BSS Eval v4, museval's default).</summary>
    WholeSignal,

    /// <summary>Anew in every window (BSS Eval v3, mir_eval's framewise functions, museval mode "v3").</summary>
    PerWindow,
}

/// <summary>Which decomposition the ratios use.</summary>
public enum Decomposition
{
    /// <summary>bss_eval_images: the true source image is the target; SDR, ISR, SIR and SAR.</summary>
    Images,

    /// <summary>bss_eval_sources (v2/v3): the filtered reference counts as target; SDR, SIR, SAR (ISR is NaN).</summary>
    Sources,
}

/// <summary>Parameters of a BSS Eval run. Lengths are in samples.</summary>
public sealed record BssEvalOptions
{
    /// <summary>numpy's float64 machine epsilon, the diagonal term museval adds to every Gram matrix.</summary>
    public const double MusevalDiagonalLoading = 2.220446049250313e-16;

    /// <summary>Window length in samples; <see cref="int.MaxValue"/> (or anything &gt;= the signal length) scores the whole signal as one window.</summary>
    public int WindowSamples { get; init; } = 44100;

    /// <summary>Hop between window starts in samples.</summary>
    public int HopSamples { get; init; } = 44100;

    /// <summary>Number of taps of the distortion filters (512 in every reference implementation).</summary>
    public int FilterLength { get; init; } = 512;

    /// <summary>Whole-signal filters (v4) or per-window filters (v3).</summary>
    public FilterEstimation Filters { get; init; } = FilterEstimation.WholeSignal;

    /// <summary>Images (museval, SiSEC) or sources (mir_eval bss_eval_sources) decomposition.</summary>
    public Decomposition Decomposition { get; init; } = Decomposition.Images;

    /// <summary>Search every assignment of estimates to references and keep the one with the best mean SIR.</summary>
    public bool ComputePermutation { get; init; }

    /// <summary>Added to the Gram matrix diagonal: museval adds float64 epsilon, mir_eval 0.7 adds nothing.</summary>
    public double DiagonalLoading { get; init; } = MusevalDiagonalLoading;

    /// <summary>museval v4 as <c>museval.evaluate(mode='v4')</c> runs it: 1 s windows and hop, filters over the whole track.</summary>
    public static BssEvalOptions MusevalV4(int sampleRate) => new() { WindowSamples = sampleRate, HopSamples = sampleRate };

    /// <summary>museval mode "v3": as v4 but with the filters estimated in every window.</summary>
    public static BssEvalOptions MusevalV3(int sampleRate) => MusevalV4(sampleRate) with { Filters = FilterEstimation.PerWindow };

    internal void Validate()
    {
        if (WindowSamples <= 0) throw new ArgumentOutOfRangeException(nameof(WindowSamples), WindowSamples, "The window must be at least one sample.");
        if (HopSamples <= 0) throw new ArgumentOutOfRangeException(nameof(HopSamples), HopSamples, "The hop must be at least one sample.");
        if (FilterLength <= 0) throw new ArgumentOutOfRangeException(nameof(FilterLength), FilterLength, "The filters need at least one tap.");
        if (!(DiagonalLoading >= 0)) throw new ArgumentOutOfRangeException(nameof(DiagonalLoading), DiagonalLoading, "The diagonal loading must be >= 0.");
    }
}
