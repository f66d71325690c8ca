namespace Demix.Audio;

/// <summary>
/// A pull-based stream of float32 audio. Blocks are interleaved (<c>[frame][channel]</c>), so a block of
/// N frames holds N x <see cref="AudioFormat.ChannelCount"/> samples. No stage needs the whole file in memory.
/// </summary>
public interface IAudioSource : IDisposable
{
    /// <summary>Sample rate and channel count of every block.</summary>
    AudioFormat Format { get; }

    /// <summary>Total frames when the container states it, otherwise null (for example a streamed WAV or a pipe).</summary>
    long? FrameCount { get; }

    /// <summary>Fills <paramref name="interleaved"/> with up to its length in samples (rounded down to whole frames).</summary>
    /// <returns>Samples written, always a multiple of the channel count; 0 means the end of the stream.</returns>
    int Read(Span<float> interleaved);
}
