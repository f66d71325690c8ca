namespace Demix.Separation.Pipeline;

/// <summary>
/// Separates one track block by block. Every input frame produces exactly one output frame per stem; a
/// stream may hold frames back (its latency) and releases them in <see cref="Finish"/>. Memory is bounded
/// by the method's look-ahead, never by the length of the track.
/// </summary>
public interface ISeparationStream
{
    /// <summary>Feeds the next input frames; completed output frames go to <paramref name="sink"/>.</summary>
    /// <param name="input">Planar samples, [channels][frames]; only the first <paramref name="frameCount"/> frames are read.</param>
    /// <param name="frameCount">Valid frames in every channel of <paramref name="input"/>.</param>
    /// <param name="sink">Receives output blocks in order.</param>
    void Push(float[][] input, int frameCount, IStemBlockSink sink);

    /// <summary>Ends the input; every frame still held back is written to <paramref name="sink"/>.</summary>
    void Finish(IStemBlockSink sink);
}
