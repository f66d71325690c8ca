using Demix.Audio;

namespace Demix.Separation.Pipeline;

/// <summary>
/// The head of the pipeline: reads interleaved blocks, splits them into planar channels, downmixes,
/// maps to the method's channels and resamples to the method's rate.
/// </summary>
internal sealed class TrackReader
{
    private readonly IAudioSource source;
    private readonly float[][]? downmix;        // [2][inputChannels] or null
    private readonly float[][] toMethod;        // [methodChannels][trackChannels]
    private readonly IBlockResampler resampler;
    private readonly float[] interleaved;
    private readonly float[][] planar;          // [inputChannels][blockFrames]
    private readonly float[][] track;           // [trackChannels][blockFrames]
    private readonly float[][] methodBlock;     // [methodChannels][blockFrames]
    private bool ended;

    public TrackReader(IAudioSource source, float[][]? downmix, float[][] toMethod, IBlockResampler resampler, int blockFrames)
    {
        this.source = source;
        this.downmix = downmix;
        this.toMethod = toMethod;
        this.resampler = resampler;
        int inputChannels = source.Format.ChannelCount;
        interleaved = new float[blockFrames * inputChannels];
        planar = Allocate(inputChannels, blockFrames);
        track = downmix is null ? planar : Allocate(2, blockFrames);
        methodBlock = Allocate(toMethod.Length, blockFrames);
    }

    /// <summary>Frames read from the source so far.</summary>
    public long FramesRead { get; private set; }

    /// <summary>The next block at the method's rate and channels; false once the source and resampler are drained.</summary>
    public bool ReadNext(out float[][] block, out int frameCount)
    {
        while (!ended)
        {
            int samples = source.Read(interleaved);
            if (samples == 0)
            {
                ended = true;
                frameCount = resampler.Flush(out block);
                return frameCount > 0;
            }
            int frames = samples / planar.Length;
            FramesRead += frames;
            Interleaving.Deinterleave(interleaved.AsSpan(0, samples), planar, 0);
            if (downmix is not null) ChannelMapping.Mix(downmix, planar, frames, track);
            ChannelMapping.Mix(toMethod, track, frames, methodBlock);
            frameCount = resampler.Process(methodBlock, frames, out block);
            if (frameCount > 0) return true;
        }
        block = [];
        frameCount = 0;
        return false;
    }

    private static float[][] Allocate(int channelCount, int frameCount)
    {
        var result = new float[channelCount][];
        for (int c = 0; c < channelCount; c++) result[c] = new float[frameCount];
        return result;
    }
}
