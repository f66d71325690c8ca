using Demix.Dsp.Stft;

namespace Demix.Separation.Methods.RepetSim;

/// <summary>
/// The scratch state one thread needs to separate REPET-SIM frames: a picker, a similarity row, the
/// chosen frames and a masker per channel. Reads the shared <see cref="SimilarityWindow"/> only.
/// </summary>
internal sealed class RepetSimWorker
{
    private readonly SimilarityWindow window;
    private readonly SimilarFramePicker picker;
    private readonly ChannelMasker[] maskers;   // [channels]
    private readonly int halfWindow;
    private readonly List<int> picked = [];
    private readonly float[] row;

    public RepetSimWorker(SimilarityWindow window, SimilarFramePicker picker, int channelCount, int binCount, int cutoffBin, int halfWindow)
    {
        this.window = window;
        this.picker = picker;
        this.halfWindow = halfWindow;
        row = new float[2 * halfWindow + 1];
        maskers = [.. Enumerable.Range(0, channelCount).Select(_ => new ChannelMasker(binCount, cutoffBin))];
    }

    /// <summary>
    /// Writes the vocal and accompaniment spectra of frame <paramref name="mixtureFrame"/> of <paramref name="mixture"/>
    /// (track frame <paramref name="frame"/>) into frame <paramref name="stemFrame"/> of <paramref name="stems"/>.
    /// </summary>
    /// <param name="lastFrame">The newest frame that may be searched (the end of the window or of the track).</param>
    public void Separate(ComplexSpectrogram mixture, int mixtureFrame, long frame, long lastFrame, ComplexSpectrogram[] stems, int stemFrame)
    {
        PickSimilar(frame, lastFrame);
        for (int c = 0; c < maskers.Length; c++)
        {
            int channel = c;
            maskers[c].Apply(picked.Select(other => window.Magnitude(other, channel)), window.Magnitude(frame, c),
                mixture, mixtureFrame, c, stems, stemFrame);
        }
    }

    private void PickSimilar(long frame, long lastFrame)
    {
        long first = Math.Max(0, frame - halfWindow);
        long last = Math.Min(lastFrame, frame + halfWindow);
        Span<float> span = row.AsSpan(0, (int)(last - first + 1));
        window.Row(frame, first, span);
        picker.Pick(span, (int)first, picked);
        if (picked.Count == 0) picked.Add((int)frame);   // no similar frame at all: the frame models itself
    }
}
