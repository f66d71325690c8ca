namespace Demix.Audio;

/// <summary>
/// A push-based audio output (the mirror of <see cref="IAudioSource"/>): blocks of interleaved float32
/// samples <c>[frame][channel]</c> are written one after the other, so no stage needs the whole song in memory.
/// </summary>
/// <remarks>
/// <see cref="Complete"/> finishes the output (sizes patched, file renamed into place). Disposing a sink
/// without completing it abandons the output: file sinks then leave nothing behind.
/// </remarks>
public interface IAudioSink : IDisposable
{
    /// <summary>Sample rate and channel count every block must have.</summary>
    AudioFormat Format { get; }

    /// <summary>Frames written so far.</summary>
    long FramesWritten { get; }

    /// <summary>Appends samples; the length must be a multiple of the channel count.</summary>
    void Write(ReadOnlySpan<float> interleaved);

    /// <summary>Finishes the output. Further writes throw.</summary>
    void Complete();
}
