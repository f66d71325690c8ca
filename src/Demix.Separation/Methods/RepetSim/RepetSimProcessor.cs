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
    private readonly ChannelMasker[] maskers;   // [channels]
    private readonly int halfWindow;
    private readonly Queue<SpectralFrame> pending = new();
    private readonly List<int> picked = [];
    private readonly float[] row;

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
        int cutoffBin = RepeatingModel.CutoffBin(options.CutoffHz, fftSize, sampleRate);
        row = new float[2 * halfWindow + 1];
        maskers = [.. Enumerable.Range(0, channelCount).Select(_ => new ChannelMasker(binCount, cutoffBin))];
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
        for (int c = 0; c < maskers.Length; c++) ApplyChannel(c, frame, consumed, stems);
        return true;
    }

    private void ApplyChannel(int channel, long frame, SpectralFrame mixture, SpectralFrame[] stems) =>
        maskers[channel].Apply(picked.Select(other => window.Magnitude(other, channel)), window.Magnitude(frame, channel), mixture, channel, stems);

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
