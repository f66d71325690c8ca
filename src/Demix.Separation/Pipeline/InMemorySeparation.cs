using Demix.Audio;

namespace Demix.Separation.Pipeline;

/// <summary>
/// Runs a method on a waveform already in memory, in blocks, with the same channel and rate rules as the
/// file pipeline: mono in gives mono stems, and a method with a declared rate gets the mix resampled to
/// it and its stems resampled back. For clips, tests, the demo and evaluation.
/// </summary>
public static class InMemorySeparation
{
    /// <summary>Separates <paramref name="mix"/> feeding blocks of <paramref name="blockFrames"/> frames.</summary>
    /// <param name="method">The method.</param>
    /// <param name="mix">The mixture: 1 or 2 channels (or exactly the method's channel count), any rate.</param>
    /// <param name="blockFrames">Frames per block pushed into the method.</param>
    /// <returns>One waveform per stem, in <see cref="ISeparationMethod.Stems"/> order, with the mix's channels, rate and length.</returns>
    public static Waveform[] Separate(ISeparationMethod method, Waveform mix, int blockFrames = 65536)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(mix);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockFrames);
        Waveform input = ToMethodChannels(mix, method.ChannelCount);
        int methodRate = method.SampleRate ?? mix.SampleRate;
        input = SincResampler.Resample(input, methodRate);
        ISeparationStream stream = method.Open(methodRate);
        var collector = new StemCollector(method.Stems.Count, method.ChannelCount);
        float[][] block = Planar.Allocate(input.ChannelCount, blockFrames);
        for (int start = 0; start < input.FrameCount; start += blockFrames)
        {
            int frames = Math.Min(blockFrames, input.FrameCount - start);
            for (int c = 0; c < block.Length; c++) Array.Copy(input.Channels[c], start, block[c], 0, frames);
            stream.Push(block, frames, collector);
        }
        stream.Finish(collector);
        return [.. collector.ToWaveforms(methodRate).Select(stem => Restore(stem, mix))];
    }

    private static Waveform ToMethodChannels(Waveform mix, int methodChannels)
    {
        if (mix.ChannelCount == methodChannels) return mix;
        if (mix.ChannelCount > 2) throw new ArgumentException($"The mix has {mix.ChannelCount} channels; downmix it to stereo first.", nameof(mix));
        return Map(mix, ChannelMapping.Gains(mix.ChannelCount, methodChannels));
    }

    /// <summary>The stem at the mix's rate, length and channel count.</summary>
    private static Waveform Restore(Waveform stem, Waveform mix)
    {
        Waveform resampled = SincResampler.Resample(stem, mix.SampleRate);
        if (resampled.FrameCount != mix.FrameCount)
        {
            resampled = new Waveform([.. resampled.Channels.Select(c => { Array.Resize(ref c, mix.FrameCount); return c; })], mix.SampleRate);
        }
        return resampled.ChannelCount == mix.ChannelCount ? resampled : Map(resampled, ChannelMapping.Gains(resampled.ChannelCount, mix.ChannelCount));
    }

    private static Waveform Map(Waveform waveform, float[][] gains)
    {
        float[][] output = Planar.Allocate(gains.Length, waveform.FrameCount);
        ChannelMapping.Mix(gains, waveform.Channels, waveform.FrameCount, output);
        return new Waveform(output, waveform.SampleRate);
    }
}
