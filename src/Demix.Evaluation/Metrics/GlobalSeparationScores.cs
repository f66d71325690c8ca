namespace Demix.Evaluation.Metrics;

/// <summary>
/// GNSDR, GSIR and GSAR (Huang et al. 2014): the means of NSDR, SIR and SAR over clips, weighted by clip length.
/// Clips whose value is not finite for a source are left out of that source's mean.
/// </summary>
public sealed class GlobalSeparationScores
{
    private readonly List<ClipSeparationScores> clips = [];

    /// <summary>Number of clips added.</summary>
    public int ClipCount => clips.Count;

    /// <summary>Adds one clip's scores.</summary>
    public void Add(ClipSeparationScores clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        clips.Add(clip);
    }

    /// <summary>Length-weighted mean NSDR of source <paramref name="source"/> (0 = voice, 1 = accompaniment), dB.</summary>
    public double Gnsdr(int source) => Weighted(c => c.Nsdr[source]);

    /// <summary>Length-weighted mean SIR, dB.</summary>
    public double Gsir(int source) => Weighted(c => c.Sir[source]);

    /// <summary>Length-weighted mean SAR, dB.</summary>
    public double Gsar(int source) => Weighted(c => c.Sar[source]);

    private double Weighted(Func<ClipSeparationScores, double> value)
    {
        double sum = 0, weight = 0;
        foreach (ClipSeparationScores clip in clips)
        {
            double v = value(clip);
            if (!double.IsFinite(v)) continue;
            sum += clip.SampleCount * v;
            weight += clip.SampleCount;
        }
        return weight == 0 ? double.NaN : sum / weight;
    }
}
