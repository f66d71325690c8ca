using Demix.Audio;

namespace Demix.Separation.Pipeline;

/// <summary>
/// A source decorator that applies a channel matrix to every block (downmix, mono to stereo, stereo to
/// mono) and counts the frames it has read, for progress.
/// </summary>
internal sealed class ChannelMappedSource : IAudioSource
{
    private readonly IAudioSource source;
    private readonly float[][] gains;   // [outputChannels][inputChannels]
    private float[] block = [];         // interleaved input
    private float[][] planarIn = [];
    private float[][] planarOut = [];

    public ChannelMappedSource(IAudioSource source, float[][] gains)
    {
        this.source = source;
        this.gains = gains;
        Format = source.Format with { ChannelCount = gains.Length };
    }

    public AudioFormat Format { get; }

    public long? FrameCount => source.FrameCount;

    /// <summary>Frames read from the wrapped source so far.</summary>
    public long FramesRead { get; private set; }

    public int Read(Span<float> interleaved)
    {
        int frames = interleaved.Length / Format.ChannelCount;
        int inputChannels = source.Format.ChannelCount;
        Ensure(frames, inputChannels);
        int samples = source.Read(block.AsSpan(0, frames * inputChannels));
        int got = samples / inputChannels;
        FramesRead += got;
        Interleaving.Deinterleave(block.AsSpan(0, samples), planarIn, 0);
        ChannelMapping.Mix(gains, planarIn, got, planarOut);
        Interleaving.Interleave(planarOut, 0, got, interleaved);
        return got * Format.ChannelCount;
    }

    public void Dispose() => source.Dispose();

    private void Ensure(int frames, int inputChannels)
    {
        if (planarIn.Length > 0 && planarIn[0].Length >= frames) return;
        block = new float[frames * inputChannels];
        planarIn = Planar.Allocate(inputChannels, frames);
        planarOut = Planar.Allocate(gains.Length, frames);
    }
}
