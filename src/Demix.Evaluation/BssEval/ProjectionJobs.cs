using Demix.Evaluation.Fourier;

namespace Demix.Evaluation.BssEval;

/// <summary>
/// The distinct projections one frame needs: P (all references) for each estimate channel used, and Pj
/// (own source) for each pairing and channel, sharing P where the own-source basis is the full basis.
/// Each job has a pending overlap-add buffer of one FFT length.
/// </summary>
internal sealed class ProjectionJobs
{
    private readonly List<(ProjectionFilters Filters, int EstimateChannel)> jobs = [];
    private readonly List<double[]> pending = [];
    private readonly Dictionary<(ProjectionFilters, int), int> index = [];
    private readonly int[,] ownJob; // [pair, channel]
    private readonly int channelCount;

    /// <summary>Collects the jobs of <paramref name="pairs"/> under <paramref name="plan"/>.</summary>
    public ProjectionJobs(FilterPlan plan, int channelCount, IReadOnlyList<SourcePair> pairs, RealFft fft)
    {
        this.channelCount = channelCount;
        ownJob = new int[pairs.Count, channelCount];
        var channels = new SortedSet<int>();
        for (int i = 0; i < pairs.Count; i++)
        {
            for (int c = 0; c < channelCount; c++)
            {
                int estimateChannel = pairs[i].Estimate * channelCount + c;
                Intern(plan.All, estimateChannel, fft.Length, channels);
                ownJob[i, c] = Intern(plan.Own[pairs[i].True], estimateChannel, fft.Length, channels);
            }
        }
        Channels = channels.ToArray();
        Plan = plan;
    }

    private FilterPlan Plan { get; }

    /// <summary>Reference channels whose spectra the jobs read.</summary>
    public int[] Channels { get; }

    /// <summary>Number of jobs.</summary>
    public int Count => jobs.Count;

    /// <summary>The filters and estimate channel of a job.</summary>
    public (ProjectionFilters Filters, int EstimateChannel) this[int job] => jobs[job];

    /// <summary>The job's pending output, one FFT length, starting at the first unconsumed output sample.</summary>
    public double[] Pending(int job) => pending[job];

    /// <summary>Job computing Pj for pairing <paramref name="pair"/>, channel <paramref name="channel"/>.</summary>
    public int OwnJob(int pair, int channel) => ownJob[pair, channel];

    /// <summary>Job computing P for estimate source <paramref name="estimate"/>, channel <paramref name="channel"/>.</summary>
    public int AllJob(int estimate, int channel) => index[(Plan.All, estimate * channelCount + channel)];

    private int Intern(ProjectionFilters filters, int estimateChannel, int fftLength, SortedSet<int> channels)
    {
        if (index.TryGetValue((filters, estimateChannel), out int existing)) return existing;
        index[(filters, estimateChannel)] = jobs.Count;
        jobs.Add((filters, estimateChannel));
        pending.Add(new double[fftLength]);
        channels.UnionWith(filters.Basis);
        return jobs.Count - 1;
    }
}
