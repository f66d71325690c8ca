using Demix.Evaluation.Fourier;
using Demix.Evaluation.LinearAlgebra;

namespace Demix.Evaluation.BssEval;

/// <summary>
/// Least-squares distortion filters: for each requested estimate channel e, the taps h_u[a] (a in [0, L)) that
/// minimise || e - sum_u h_u * x_basis[u] ||^2, i.e. the solution of (G + loading I) h = d with the Gram matrix
/// G of the delayed basis channels. Also holds the filters' spectra at the projection FFT size.
/// </summary>
internal sealed class ProjectionFilters
{
    private ProjectionFilters(int[] basis, double[][][] spectraRe, double[][][] spectraIm, SolverPath path)
    {
        Basis = basis;
        SpectraRe = spectraRe;
        SpectraIm = spectraIm;
        Path = path;
    }

    /// <summary>Reference channel indices spanning the space, [u].</summary>
    public int[] Basis { get; }

    /// <summary>Filter spectra, real parts, [requested estimate channel][u][bin].</summary>
    public double[][][] SpectraRe { get; }

    /// <summary>Filter spectra, imaginary parts, [requested estimate channel][u][bin].</summary>
    public double[][][] SpectraIm { get; }

    /// <summary>How the Gram system was solved.</summary>
    public SolverPath Path { get; }

    /// <summary>Solves the filters of <paramref name="estimateChannels"/> on <paramref name="basis"/>.</summary>
    public static ProjectionFilters Solve(CorrelationBank bank, int[] basis, int[] estimateChannels, double diagonalLoading, RealFft projectionFft)
    {
        int taps = bank.FilterLength, order = basis.Length * taps;
        double[] gram = BuildGram(bank, basis, diagonalLoading);
        var rhs = new double[estimateChannels.Length][];
        for (int r = 0; r < rhs.Length; r++)
        {
            rhs[r] = new double[order];
            for (int u = 0; u < basis.Length; u++)
                bank.EstimateCorrelation(basis[u], estimateChannels[r]).CopyTo(rhs[r].AsSpan(u * taps, taps));
        }
        SolverPath path = SymmetricSolver.Solve(gram, order, rhs);
        var (re, im) = Spectra(rhs, basis.Length, taps, projectionFft);
        return new ProjectionFilters(basis, re, im, path);
    }

    private static double[] BuildGram(CorrelationBank bank, int[] basis, double diagonalLoading)
    {
        int taps = bank.FilterLength, order = basis.Length * taps;
        var gram = new double[order * order];
        Parallel.For(0, order, row =>
        {
            int u = row / taps, a = row % taps;
            Span<double> line = gram.AsSpan(row * order, order);
            for (int v = 0; v < basis.Length; v++)
                for (int b = 0; b < taps; b++) line[v * taps + b] = bank.Gram(basis[u], a, basis[v], b);
            line[row] += diagonalLoading;
        });
        return gram;
    }

    private static (double[][][] Re, double[][][] Im) Spectra(double[][] solutions, int basisCount, int taps, RealFft fft)
    {
        var re = new double[solutions.Length][][];
        var im = new double[solutions.Length][][];
        var buffers = new RealFftBuffers(fft.Length);
        for (int r = 0; r < solutions.Length; r++)
        {
            re[r] = new double[basisCount][];
            im[r] = new double[basisCount][];
            for (int u = 0; u < basisCount; u++)
            {
                re[r][u] = new double[fft.BinCount];
                im[r][u] = new double[fft.BinCount];
                fft.Forward(solutions[r].AsSpan(u * taps, taps), re[r][u], im[r][u], buffers);
            }
        }
        return (re, im);
    }
}
