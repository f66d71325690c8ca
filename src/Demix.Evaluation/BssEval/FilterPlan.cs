using Demix.Evaluation.Fourier;
using Demix.Evaluation.LinearAlgebra;

namespace Demix.Evaluation.BssEval;

/// <summary>
/// The distortion filters estimated over one sample range (the whole track in v4, one window in v3):
/// for every estimate channel, its projection filters on all reference channels (interference space)
/// and on each true source's own channels (image space).
/// </summary>
internal sealed class FilterPlan
{
    private FilterPlan(ProjectionFilters all, ProjectionFilters[] own)
    {
        All = all;
        Own = own;
    }

    /// <summary>Filters of every estimate channel on the span of all references, indexed by estimate channel.</summary>
    public ProjectionFilters All { get; }

    /// <summary>Filters of every estimate channel on the span of source j's channels, [j]. May be <see cref="All"/> itself.</summary>
    public ProjectionFilters[] Own { get; }

    /// <summary>The worst solver path taken (Cholesky unless a Gram matrix was not positive definite).</summary>
    public SolverPath WorstPath
    {
        get
        {
            SolverPath worst = All.Path;
            foreach (var filters in Own) worst = (SolverPath)Math.Max((int)worst, (int)filters.Path);
            return worst;
        }
    }

    /// <summary>Estimates the filters from [start, start + length) of the signals.</summary>
    /// <param name="signals">References and estimates, flattened by channel.</param>
    /// <param name="ownSources">The true sources whose own-image filters are needed.</param>
    public static FilterPlan Build(SignalSet signals, int start, int length, IReadOnlyCollection<int> ownSources,
        int filterLength, double diagonalLoading, RealFft projectionFft)
    {
        var bank = CorrelationBank.Compute(signals.References, signals.Estimates, start, length, filterLength);
        int[] allEstimates = Enumerable.Range(0, signals.Estimates.Length).ToArray();
        int[] allBasis = ChannelBasis.Select(signals.References, Enumerable.Range(0, signals.References.Length), start, length);
        var all = ProjectionFilters.Solve(bank, allBasis, allEstimates, diagonalLoading, projectionFft);
        var own = new ProjectionFilters[signals.SourceCount];
        Parallel.ForEach(ownSources, j =>
        {
            int[] basis = ChannelBasis.Select(signals.References, signals.ChannelsOf(j), start, length);
            own[j] = basis.AsSpan().SequenceEqual(allBasis)
                ? all
                : ProjectionFilters.Solve(bank, basis, allEstimates, diagonalLoading, projectionFft);
        });
        return new FilterPlan(all, own);
    }
}
