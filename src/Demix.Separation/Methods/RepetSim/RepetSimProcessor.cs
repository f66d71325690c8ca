using Demix.Separation.Spectral;

namespace Demix.Separation.Methods.RepetSim;

/// <summary>
/// Windowed, streaming REPET-SIM on STFT frames: frame j is released once the frame j + halfWindow has
/// arrived (or the track ended); its similar frames are searched among frames j - halfWindow .. j +
/// halfWindow only. When the whole track fits in that span the result is exactly the whole-song method.
/// Stems: [vocals, accompaniment] = [(1 - mask) X, mask X].
/// </summary>
public sealed class RepetSimProcessor : ISpectralProcessor
{
    private readonly SimilarityWindow window;
    private readonly SimilarFramePicker picker;
    private readonly RepeatingModel model = new();
    private readonly int halfWindow;
    private readonly int cutoffBin;
    private readonly Queue<SpectralFrame> pending = new();
    private readonly List<int> picked = [];
    private readonly List<float[]> similarFrames = [];
    private readonly float[] row;
    private readonly float[] median;
    private readonly float[] mask;
    private readonly float[] foregroundMask;

    /// <summary>Creates the processor for one track.</summary>
    /// <param name="options">REPET-SIM parameters.</param>
    /// <param name="channelCount">Channels of the mixture.</param>
    /// <param name="sampleRate">Rate in Hz, to turn seconds into frames.</param>
    public RepetSimProcessor(RepetSimOptions options, int channelCount, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int fftSize = options.FftSize(sampleRate);
        int hopSize = fftSize / 2;
        int binCount = fftSize / 2 + 1;
        double framesPerSecond = (double)sampleRate / hopSize;
        halfWindow = Math.Max(1, (int)Math.Round(options.SearchWindowSeconds / 2 * framesPerSecond));
        window = new SimilarityWindow(channelCount, binCount, halfWindow);
        picker = new SimilarFramePicker((float)options.SimilarityThreshold,
            (int)Math.Round(options.MinDistanceSeconds * framesPerSecond), options.MaxSimilarFrames);
        cutoffBin = RepeatingModel.CutoffBin(options.CutoffHz, fftSize, sampleRate);
        row = new float[2 * halfWindow + 1];
        median = new float[binCount];
        mask = new float[binCount];
        foregroundMask = new float[binCount];
    }

    /// <summary>Frames searched on each side of a frame.</summary>
    public int HalfWindowFrames => halfWindow;

    /// <inheritdoc />
    public int StemCount => 2;

    /// <inheritdoc />
    public void Add(SpectralFrame mixture)
    {
        window.Add(mixture.Real, mixture.Imaginary);
        pending.Enqueue(mixture);
    }

    /// <inheritdoc />
    public bool TryTake(bool endOfTrack, SpectralFrame[] stems, out SpectralFrame? consumed)
    {
        consumed = null;
        if (pending.Count == 0) return false;
        long frame = pending.Peek().Index;
        if (!endOfTrack && window.FrameCount <= frame + halfWindow) return false;
        consumed = pending.Dequeue();
        PickSimilar(frame);
        for (int c = 0; c < consumed.ChannelCount; c++)
        {
            similarFrames.Clear();
            foreach (int other in picked) similarFrames.Add(window.Magnitude(other, c));
            model.Median(similarFrames, median);
            RepeatingModel.BackgroundMask(median, window.Magnitude(frame, c), cutoffBin, mask);
            for (int b = 0; b < mask.Length; b++) foregroundMask[b] = 1f - mask[b];
            consumed.MaskInto(c, foregroundMask, stems[0]);
            consumed.MaskInto(c, mask, stems[1]);
        }
        return true;
    }

    private void PickSimilar(long frame)
    {
        long first = Math.Max(0, frame - halfWindow);
        long last = Math.Min(window.FrameCount - 1, frame + halfWindow);
        Span<float> span = row.AsSpan(0, (int)(last - first + 1));
        window.Row(frame, first, span);
        picker.Pick(span, (int)first, picked);
        if (picked.Count == 0) picked.Add((int)frame);   // no similar frame at all: the frame models itself
    }
}
