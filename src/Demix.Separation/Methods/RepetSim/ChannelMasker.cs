using Demix.Separation.Spectral;

namespace Demix.Separation.Methods.RepetSim;

/// <summary>
/// The per-channel step of REPET-SIM for one frame: median of the similar frames' magnitudes, background
/// mask, and the two masked stems. One instance per channel, so channels can run in parallel.
/// </summary>
internal sealed class ChannelMasker
{
    private readonly RepeatingModel model = new();
    private readonly List<float[]> similarFrames = [];
    private readonly float[] median;
    private readonly float[] mask;
    private readonly float[] foregroundMask;
    private readonly int cutoffBin;

    public ChannelMasker(int binCount, int cutoffBin)
    {
        median = new float[binCount];
        mask = new float[binCount];
        foregroundMask = new float[binCount];
        this.cutoffBin = cutoffBin;
    }

    /// <summary>Writes channel <paramref name="channel"/> of the vocal (stems[0]) and accompaniment (stems[1]) frames.</summary>
    /// <param name="similar">Magnitudes of this channel in the similar frames, each [bins].</param>
    /// <param name="magnitude">Magnitude of this channel in the frame itself, [bins].</param>
    /// <param name="mixture">The frame's complex spectra.</param>
    public void Apply(IEnumerable<float[]> similar, float[] magnitude, SpectralFrame mixture, int channel, SpectralFrame[] stems)
    {
        similarFrames.Clear();
        similarFrames.AddRange(similar);
        model.Median(similarFrames, median);
        RepeatingModel.BackgroundMask(median, magnitude, cutoffBin, mask);
        for (int b = 0; b < mask.Length; b++) foregroundMask[b] = 1f - mask[b];
        mixture.MaskInto(channel, foregroundMask, stems[0]);
        mixture.MaskInto(channel, mask, stems[1]);
    }
}
