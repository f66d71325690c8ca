using Demix.Evaluation.LinearAlgebra;

namespace Demix.Evaluation.BssEval;

/// <summary>
/// BSS Eval scores in dB, [source][window], for reference source j matched with estimate
/// <see cref="Permutation"/>[window][j]. Windows where a reference or estimate source is silent hold NaN
/// (and permutation -1); a ratio with a zero denominator is +infinity.
/// </summary>
public sealed class BssEvalResult
{
    internal BssEvalResult(double[][] sdr, double[][] isr, double[][] sir, double[][] sar, int[][] permutation,
        IReadOnlyList<(int Start, int Length)> windows, SolverPath solverPath)
    {
        Sdr = sdr; Isr = isr; Sir = sir; Sar = sar;
        Permutation = permutation;
        Windows = windows;
        SolverPath = solverPath;
    }

    /// <summary>Source to distortion ratio, [source][window].</summary>
    public double[][] Sdr { get; }

    /// <summary>Source image to spatial distortion ratio, [source][window] (NaN in the sources decomposition).</summary>
    public double[][] Isr { get; }

    /// <summary>Source to interference ratio, [source][window].</summary>
    public double[][] Sir { get; }

    /// <summary>Source to artifacts ratio, [source][window].</summary>
    public double[][] Sar { get; }

    /// <summary>Estimate index matched to each reference, [window][source]; -1 in silent windows.</summary>
    public int[][] Permutation { get; }

    /// <summary>Sample ranges of the windows.</summary>
    public IReadOnlyList<(int Start, int Length)> Windows { get; }

    /// <summary>
    /// The least reliable Gram solve used: <see cref="LinearAlgebra.SolverPath.Cholesky"/> normally; anything else means
    /// a Gram matrix was not numerically positive definite, and SIR/SAR/ISR then depend on solver details (SDR does not).
    /// </summary>
    public SolverPath SolverPath { get; }

    /// <summary>Number of windows.</summary>
    public int WindowCount => Windows.Count;
}
