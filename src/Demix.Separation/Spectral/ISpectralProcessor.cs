namespace Demix.Separation.Spectral;

/// <summary>
/// Turns mixture STFT frames into stem STFT frames, possibly with look-ahead: frames go in with
/// <see cref="Add"/> and come out, in the same order, with <see cref="TryTake"/> once the processor has
/// seen enough of the future (or at the end of the track).
/// </summary>
public interface ISpectralProcessor
{
    /// <summary>Number of stems written by <see cref="TryTake"/>.</summary>
    int StemCount { get; }

    /// <summary>Hands over the next mixture frame; the processor owns it until <see cref="TryTake"/> returns it.</summary>
    void Add(SpectralFrame mixture);

    /// <summary>Writes the stems of the oldest pending frame when it is ready.</summary>
    /// <param name="endOfTrack">True once no more frames will be added: every pending frame is then ready.</param>
    /// <param name="stems">One frame per stem to fill, [stems].</param>
    /// <param name="consumed">The mixture frame that was processed, handed back for reuse.</param>
    /// <returns>False when no frame is ready yet.</returns>
    bool TryTake(bool endOfTrack, SpectralFrame[] stems, out SpectralFrame? consumed);
}
