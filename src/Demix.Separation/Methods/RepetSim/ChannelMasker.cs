using Demix.Dsp.Stft;
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

    /// <summary>
    /// Writes channel <paramref name="channel"/> of frame <paramref name="stemFrame"/> of the vocal (stems[0]) and
    /// accompaniment (stems[1]) spectrograms.
    /// </summary>
    /// <param name="similar">Magnitudes of this channel in the similar frames, each [bins].</param>
    /// <param name="magnitude">Magnitude of this channel in the frame itself, [bins].</param>
    /// <param name="mixture">The spectrogram holding the frame, [channels, frames, bins].</param>
    /// <param name="mixtureFrame">The frame's index in <paramref name="mixture"/>.</param>
    public void Apply(IEnumerable<float[]> similar, float[] magnitude, ComplexSpectrogram mixture, int mixtureFrame, int channel,
        ComplexSpectrogram[] stems, int stemFrame)
    {
        similarFrames.Clear();
        similarFrames.AddRange(similar);
        model.Median(similarFrames, median);
        RepeatingModel.BackgroundMask(median, magnitude, cutoffBin, mask);
        for (int b = 0; b < mask.Length; b++) foregroundMask[b] = 1f - mask[b];
        FrameMask.Apply(mixture, channel, mixtureFrame, foregroundMask, stems[0], stemFrame);
        FrameMask.Apply(mixture, channel, mixtureFrame, mask, stems[1], stemFrame);
    }
}
