using Demix.Audio;

namespace Demix.Separation.Pipeline;

/// <summary>
/// Runs a method on a waveform already in memory, in blocks, at the waveform's own rate and with the
/// method's channel count (the caller maps channels). For clips, tests, the demo and evaluation.
/// </summary>
public static class InMemorySeparation
{
    /// <summary>Separates <paramref name="mix"/> feeding blocks of <paramref name="blockFrames"/> frames.</summary>
    /// <returns>One waveform per stem, in <see cref="ISeparationMethod.Stems"/> order, as long as the mix.</returns>
    public static Waveform[] Separate(ISeparationMethod method, Waveform mix, int blockFrames = 65536)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(mix);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockFrames);
        if (mix.ChannelCount != method.ChannelCount)
        {
            throw new ArgumentException(
                $"Method '{method.Name}' works on {method.ChannelCount} channel(s), the mix has {mix.ChannelCount}.", nameof(mix));
        }
        ISeparationStream stream = method.Open(mix.SampleRate);
        var collector = new StemCollector(method.Stems.Count, method.ChannelCount);
        var block = new float[mix.ChannelCount][];
        for (int c = 0; c < block.Length; c++) block[c] = new float[blockFrames];
        for (int start = 0; start < mix.FrameCount; start += blockFrames)
        {
            int frames = Math.Min(blockFrames, mix.FrameCount - start);
            for (int c = 0; c < block.Length; c++) Array.Copy(mix.Channels[c], start, block[c], 0, frames);
            stream.Push(block, frames, collector);
        }
        stream.Finish(collector);
        return collector.ToWaveforms(mix.SampleRate);
    }
}
