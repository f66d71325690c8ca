using Demix.Dsp.Stft;

namespace Demix.Separation.Spectral;

/// <summary>
/// Turns mixture STFT frames into stem STFT frames, possibly with look-ahead: frames go in with <see cref="Add"/>
/// and their stems come out, in the same order, from <see cref="TakeReady"/> once the processor has seen enough of
/// the future (or at the end of the track).
/// </summary>
public interface ISpectralProcessor
{
    /// <summary>Number of stems returned by <see cref="TakeReady"/>.</summary>
    int StemCount { get; }

    /// <summary>Hands over the next mixture frames, [channels, frames, bins]; the processor may keep the object.</summary>
    void Add(ComplexSpectrogram mixture);

    /// <summary>The stems of the oldest pending frames that are ready, one spectrogram per stem, each [channels, frames, bins].</summary>
    /// <param name="endOfTrack">True once no more frames will be added: every pending frame is then ready.</param>
    /// <returns>[stems], or null when no frame is ready yet.</returns>
    ComplexSpectrogram[]? TakeReady(bool endOfTrack);
}
