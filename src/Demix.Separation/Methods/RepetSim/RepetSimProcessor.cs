using Demix.Dsp.Stft;
using Demix.Separation.Spectral;

namespace Demix.Separation.Methods.RepetSim;

/// <summary>
/// Windowed, streaming REPET-SIM on STFT frames: frame j is ready once the frame j + halfWindow has
/// arrived (or the track ended); its similar frames are searched among frames j - halfWindow .. j +
/// halfWindow only. When the whole track fits in that span the result is exactly the whole-song method.
/// Ready frames are separated in batches of <see cref="BatchFrames"/> as soon as a batch is ready (so the window's
/// rings never hold more than a batch beyond the look-ahead, however many frames one <see cref="Add"/> brings),
/// spread over the processor cores (every frame is independent, so the result does not depend on the split).
/// Stems: [vocals, accompaniment] = [(1 - mask) X, mask X].
/// </summary>
public sealed class RepetSimProcessor : ISpectralProcessor
{
    /// <summary>Frames separated together (more latency, fewer thread hand-overs).</summary>
    public const int BatchFrames = 32;

    private readonly SimilarityWindow window;
    private readonly RepetSimWorker[] workers;
    private readonly int halfWindow;
    private readonly int channelCount;
    private readonly int binCount;
    private readonly Queue<(ComplexSpectrogram Block, int Frame, long Index)> pending = new();   // added, not separated yet
    private readonly Queue<ComplexSpectrogram[]> separated = new();                                // [stems] per batch

    /// <summary>Creates the processor for one track.</summary>
    /// <param name="options">REPET-SIM parameters.</param>
    /// <param name="channelCount">Channels of the mixture.</param>
    /// <param name="sampleRate">Rate in Hz, to turn seconds into frames.</param>
    public RepetSimProcessor(RepetSimOptions options, int channelCount, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int fftSize = options.FftSize(sampleRate);
        double framesPerSecond = (double)sampleRate / (fftSize / 2);
        this.channelCount = channelCount;
        binCount = fftSize / 2 + 1;
        halfWindow = Math.Max(1, (int)Math.Round(options.SearchWindowSeconds / 2 * framesPerSecond));
        window = new SimilarityWindow(channelCount, binCount, halfWindow, extraFrames: BatchFrames);
        int cutoffBin = RepeatingModel.CutoffBin(options.CutoffHz, fftSize, sampleRate);
        int minDistance = (int)Math.Round(options.MinDistanceSeconds * framesPerSecond);
        workers = [.. Enumerable.Range(0, Math.Clamp(Environment.ProcessorCount, 1, 4)).Select(_ => new RepetSimWorker(window,
            new SimilarFramePicker((float)options.SimilarityThreshold, minDistance, options.MaxSimilarFrames),
            channelCount, binCount, cutoffBin, halfWindow))];
    }

    /// <summary>Frames searched on each side of a frame.</summary>
    public int HalfWindowFrames => halfWindow;

    /// <inheritdoc />
    public int StemCount => 2;

    /// <inheritdoc />
    public void Add(ComplexSpectrogram mixture)
    {
        for (int t = 0; t < mixture.FrameCount; t++)
        {
            pending.Enqueue((mixture, t, window.FrameCount));
            window.Add(mixture, t);
            SeparateReadyBatch(endOfTrack: false);
        }
    }

    /// <inheritdoc />
    public ComplexSpectrogram[]? TakeReady(bool endOfTrack)
    {
        if (separated.Count == 0 && endOfTrack) SeparateReadyBatch(endOfTrack);
        return separated.TryDequeue(out ComplexSpectrogram[]? stems) ? stems : null;
    }

    /// <summary>Separates the ready frames (a full batch, or what is left at the end of the track) in parallel.</summary>
    private void SeparateReadyBatch(bool endOfTrack)
    {
        if (pending.Count == 0) return;
        long lastFrame = window.FrameCount - 1;
        long readyThrough = lastFrame - halfWindow;   // pending frames are in index order
        int ready = endOfTrack ? pending.Count : (int)Math.Clamp(readyThrough - pending.Peek().Index + 1, 0, pending.Count);
        if (ready == 0 || (!endOfTrack && ready < BatchFrames)) return;   // wait for a full batch
        int count = Math.Min(ready, BatchFrames);
        var batch = new (ComplexSpectrogram Block, int Frame, long Index)[count];
        for (int i = 0; i < count; i++) batch[i] = pending.Dequeue();
        ComplexSpectrogram[] stems = [new(channelCount, count, binCount), new(channelCount, count, binCount)];
        Parallel.For(0, Math.Min(workers.Length, count), w =>
        {
            for (int i = w; i < count; i += workers.Length)
            {
                workers[w].Separate(batch[i].Block, batch[i].Frame, batch[i].Index, lastFrame, stems, i);
            }
        });
        separated.Enqueue(stems);
    }
}
