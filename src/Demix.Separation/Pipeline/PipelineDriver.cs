using Demix.Audio;

namespace Demix.Separation.Pipeline;

/// <summary>
/// One step of the pipeline on demand: read a block of the (mapped, resampled) input and push it through
/// the method stream; after the last block, finish the stream. The stem queues call <see cref="Step"/>
/// whenever they run dry.
/// </summary>
internal sealed class PipelineDriver
{
    private readonly IAudioSource input;
    private readonly ISeparationStream stream;
    private readonly Action reportProgress;
    private readonly CancellationToken cancellation;
    private readonly float[] interleaved;
    private readonly float[][] planar;
    private bool finished;

    public PipelineDriver(IAudioSource input, ISeparationStream stream, int blockFrames, Action reportProgress, CancellationToken cancellation)
    {
        this.input = input;
        this.stream = stream;
        this.reportProgress = reportProgress;
        this.cancellation = cancellation;
        interleaved = new float[blockFrames * input.Format.ChannelCount];
        planar = Planar.Allocate(input.Format.ChannelCount, blockFrames);
    }

    /// <summary>Where the method's stems go; set before the first step.</summary>
    public IStemBlockSink Sink { get; set; } = null!;

    /// <summary>Processes one block; false once the input is drained and the stream finished.</summary>
    public bool Step()
    {
        if (finished) return false;
        cancellation.ThrowIfCancellationRequested();
        int samples = input.Read(interleaved);
        if (samples == 0)
        {
            stream.Finish(Sink);
            finished = true;
            return true;
        }
        int frames = samples / planar.Length;
        Interleaving.Deinterleave(interleaved.AsSpan(0, samples), planar, 0);
        stream.Push(planar, frames, Sink);
        reportProgress();
        return true;
    }
}
