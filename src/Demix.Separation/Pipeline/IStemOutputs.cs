using Demix.Audio;

namespace Demix.Separation.Pipeline;

/// <summary>
/// Where the stems of one track go. All or nothing: <see cref="CommitAll"/> publishes every opened stem,
/// and disposing without committing (or a failed commit) leaves none of them behind.
/// </summary>
public interface IStemOutputs : IDisposable
{
    /// <summary>Opens the output of one stem, or returns null when that stem is not wanted.</summary>
    /// <param name="stem">Stem name, e.g. <c>vocals</c>.</param>
    /// <param name="format">Rate and channel count of the blocks that will be written.</param>
    IAudioSink? Open(string stem, AudioFormat format);

    /// <summary>Completes every opened stem; if one fails, the ones already published are removed.</summary>
    void CommitAll();
}
