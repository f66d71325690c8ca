namespace Demix.Audio;

/// <summary>Streams a <see cref="Waveform"/> in memory as interleaved blocks (for tests, and to feed whole buffers to sinks and decorators).</summary>
public sealed class WaveformSource(Waveform waveform) : IAudioSource
{
    private int position;

    /// <inheritdoc />
    public AudioFormat Format => waveform.Format;

    /// <inheritdoc />
    public long? FrameCount => waveform.FrameCount;

    /// <inheritdoc />
    public int Read(Span<float> interleaved)
    {
        int frames = Math.Min(interleaved.Length / waveform.ChannelCount, waveform.FrameCount - position);
        Interleaving.Interleave(waveform.Channels, position, frames, interleaved);
        position += frames;
        return frames * waveform.ChannelCount;
    }

    /// <summary>Nothing to release.</summary>
    public void Dispose()
    {
    }
}
