using Demix.Audio;

namespace Demix.Separation.Pipeline;

/// <summary>
/// The output of one stem as a pull source, so that the pull-based resampler can follow it. When its queue
/// runs dry it asks the pipeline for one more step (one input block through the method), which fills the
/// queues of every stem; read in turn, each queue holds about one block.
/// </summary>
internal sealed class StemQueueSource : IAudioSource
{
    private readonly Func<bool> step;              // runs one pipeline step; false once the input is drained
    private readonly Queue<(float[] Data, int Length)> blocks = new(); // interleaved blocks, Length samples used
    private float[]? current;
    private int currentLength;
    private int currentOffset;
    private float[]? spare;                         // a drained block kept for the next Enqueue (chunk-sized, LOH)

    public StemQueueSource(AudioFormat format, Func<bool> step)
    {
        Format = format;
        this.step = step;
    }

    public AudioFormat Format { get; }

    public long? FrameCount => null;

    /// <summary>Samples waiting in the queue (a measure of the memory it holds).</summary>
    public long QueuedSamples { get; private set; }

    /// <summary>Appends planar frames, [channels][frames].</summary>
    public void Enqueue(float[][] planar, int frameCount)
    {
        if (frameCount == 0) return;
        int length = frameCount * Format.ChannelCount;
        float[] interleaved = spare is not null && spare.Length >= length ? spare : new float[length];
        if (interleaved == spare) spare = null;
        Interleaving.Interleave(planar, 0, frameCount, interleaved.AsSpan(0, length));
        blocks.Enqueue((interleaved, length));
        QueuedSamples += length;
    }

    public int Read(Span<float> interleaved)
    {
        int written = 0;
        int wanted = interleaved.Length / Format.ChannelCount * Format.ChannelCount;
        while (written < wanted)
        {
            if (current is null || currentOffset == currentLength)
            {
                if (!TryNextBlock()) break;
            }
            int take = Math.Min(wanted - written, currentLength - currentOffset);
            current!.AsSpan(currentOffset, take).CopyTo(interleaved[written..]);
            currentOffset += take;
            written += take;
            QueuedSamples -= take;
        }
        return written;
    }

    public void Dispose()
    {
        blocks.Clear();
        current = null;
        spare = null;
    }

    private bool TryNextBlock()
    {
        if (current is not null && (spare is null || current.Length > spare.Length)) spare = current;   // drained: reuse it
        current = null;
        while (blocks.Count == 0)
        {
            if (!step()) return false;
        }
        (current, currentLength) = blocks.Dequeue();
        currentOffset = 0;
        return true;
    }
}
