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
    private readonly Queue<float[]> blocks = new(); // interleaved blocks
    private float[]? current;
    private int currentOffset;

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
        var interleaved = new float[frameCount * Format.ChannelCount];
        Interleaving.Interleave(planar, 0, frameCount, interleaved);
        blocks.Enqueue(interleaved);
        QueuedSamples += interleaved.Length;
    }

    public int Read(Span<float> interleaved)
    {
        int written = 0;
        int wanted = interleaved.Length / Format.ChannelCount * Format.ChannelCount;
        while (written < wanted)
        {
            if (current is null || currentOffset == current.Length)
            {
                if (!TryNextBlock()) break;
            }
            int take = Math.Min(wanted - written, current!.Length - currentOffset);
            current.AsSpan(currentOffset, take).CopyTo(interleaved[written..]);
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
    }

    private bool TryNextBlock()
    {
        while (blocks.Count == 0)
        {
            if (!step()) return false;
        }
        current = blocks.Dequeue();
        currentOffset = 0;
        return true;
    }
}
