namespace Demix.Separation.Pipeline;

/// <summary>Receives the stems of a separation block by block, all stems aligned on the same frames.</summary>
public interface IStemBlockSink
{
    /// <summary>Appends <paramref name="frameCount"/> frames of every stem.</summary>
    /// <param name="stems">Planar samples per stem, [stems][channels][frames]; the arrays may be reused after the call.</param>
    /// <param name="frameCount">Valid frames in every channel of every stem.</param>
    void Write(float[][][] stems, int frameCount);
}
