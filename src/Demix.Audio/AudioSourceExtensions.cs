namespace Demix.Audio;

/// <summary>Whole-buffer helpers over streaming sources and sinks.</summary>
public static class AudioSourceExtensions
{
    private const int BlockFrames = 16_384;

    /// <summary>Reads a source to its end into a planar <see cref="Waveform"/>.</summary>
    /// <remarks>Preallocates when the source states its frame count; otherwise grows by doubling.</remarks>
    public static Waveform ReadAll(this IAudioSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        int channelCount = source.Format.ChannelCount;
        long capacity = source.FrameCount ?? BlockFrames;
        if (capacity > Array.MaxLength) throw new InvalidOperationException($"The source has {capacity} frames, too many for one buffer; stream it instead.");
        float[][] planar = NewPlanar(channelCount, (int)capacity);
        var block = new float[BlockFrames * channelCount];
        int frames = 0;
        while (true)
        {
            int samples = source.Read(block);
            if (samples == 0) break;
            int blockFrames = samples / channelCount;
            if (frames + blockFrames > planar[0].Length) planar = Grow(planar, frames + blockFrames);
            Interleaving.Deinterleave(block.AsSpan(0, samples), planar, frames);
            frames += blockFrames;
        }
        if (frames != planar[0].Length) planar = Resize(planar, frames);
        return new Waveform(planar, source.Format.SampleRate);
    }

    /// <summary>Writes a whole waveform to a sink in blocks (the sink is not completed).</summary>
    public static void WriteAll(this IAudioSink sink, Waveform waveform)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(waveform);
        var block = new float[BlockFrames * waveform.ChannelCount];
        for (int start = 0; start < waveform.FrameCount; start += BlockFrames)
        {
            int frames = Math.Min(BlockFrames, waveform.FrameCount - start);
            Interleaving.Interleave(waveform.Channels, start, frames, block);
            sink.Write(block.AsSpan(0, frames * waveform.ChannelCount));
        }
    }

    /// <summary>Copies a source into a sink block by block; returns the frames copied (the sink is not completed).</summary>
    public static long CopyTo(this IAudioSource source, IAudioSink sink)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sink);
        var block = new float[BlockFrames * source.Format.ChannelCount];
        long frames = 0;
        for (int samples; (samples = source.Read(block)) > 0;)
        {
            sink.Write(block.AsSpan(0, samples));
            frames += samples / source.Format.ChannelCount;
        }
        return frames;
    }

    private static float[][] NewPlanar(int channelCount, int frameCount)
    {
        var planar = new float[channelCount][];
        for (int c = 0; c < channelCount; c++) planar[c] = new float[frameCount];
        return planar;
    }

    private static float[][] Grow(float[][] planar, int minimumFrames)
    {
        long doubled = Math.Max(minimumFrames, 2L * planar[0].Length);
        return Resize(planar, (int)Math.Min(doubled, Array.MaxLength));
    }

    private static float[][] Resize(float[][] planar, int frameCount)
    {
        for (int c = 0; c < planar.Length; c++) Array.Resize(ref planar[c], frameCount);
        return planar;
    }
}
