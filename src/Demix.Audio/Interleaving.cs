namespace Demix.Audio;

/// <summary>Copies between interleaved blocks <c>[frame][channel]</c> and planar buffers <c>[channel][frame]</c>.</summary>
public static class Interleaving
{
    /// <summary>Scatters an interleaved block into planar channels starting at frame <paramref name="frameOffset"/>.</summary>
    /// <param name="interleaved">Samples, [frames][channels]; its length is a multiple of the channel count.</param>
    /// <param name="planar">Destination, [channels][frames]; each channel needs room for the block at the offset.</param>
    public static void Deinterleave(ReadOnlySpan<float> interleaved, float[][] planar, int frameOffset)
    {
        int channelCount = planar.Length;
        int frameCount = interleaved.Length / channelCount;
        if (channelCount == 1)
        {
            interleaved.CopyTo(planar[0].AsSpan(frameOffset, frameCount));
            return;
        }
        for (int c = 0; c < channelCount; c++)
        {
            Span<float> channel = planar[c].AsSpan(frameOffset, frameCount);
            for (int f = 0, i = c; f < channel.Length; f++, i += channelCount) channel[f] = interleaved[i];
        }
    }

    /// <summary>Gathers <paramref name="frameCount"/> frames of planar channels from <paramref name="frameOffset"/> into an interleaved block.</summary>
    /// <param name="planar">Source, [channels][frames].</param>
    /// <param name="interleaved">Destination, at least frameCount x channels samples, [frames][channels].</param>
    public static void Interleave(float[][] planar, int frameOffset, int frameCount, Span<float> interleaved)
    {
        int channelCount = planar.Length;
        if (channelCount == 1)
        {
            planar[0].AsSpan(frameOffset, frameCount).CopyTo(interleaved);
            return;
        }
        for (int c = 0; c < channelCount; c++)
        {
            ReadOnlySpan<float> channel = planar[c].AsSpan(frameOffset, frameCount);
            for (int f = 0, i = c; f < channel.Length; f++, i += channelCount) interleaved[i] = channel[f];
        }
    }
}
