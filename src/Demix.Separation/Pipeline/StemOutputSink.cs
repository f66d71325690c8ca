using Demix.Audio;

namespace Demix.Separation.Pipeline;

/// <summary>
/// The tail of the pipeline for every stem: method channels back to the track's channels, the method's
/// rate back to the output rate, then interleaved into the stem's <see cref="IAudioSink"/>.
/// </summary>
internal sealed class StemOutputSink : IStemBlockSink
{
    private readonly float[][] channelGains;      // [outputChannels][methodChannels]
    private readonly IBlockResampler[] resamplers; // [stems]
    private readonly IAudioSink?[] sinks;          // [stems], null = not written
    private float[][] mapped = [];                 // [outputChannels][frames]
    private float[] interleaved = [];

    public StemOutputSink(float[][] channelGains, IBlockResampler[] resamplers, IAudioSink?[] sinks)
    {
        this.channelGains = channelGains;
        this.resamplers = resamplers;
        this.sinks = sinks;
    }

    /// <summary>Frames received from the method (at the method's rate).</summary>
    public long FramesReceived { get; private set; }

    public void Write(float[][][] stems, int frameCount)
    {
        FramesReceived += frameCount;
        EnsureCapacity(frameCount);
        for (int s = 0; s < sinks.Length; s++)
        {
            if (sinks[s] is null) continue;
            ChannelMapping.Mix(channelGains, stems[s], frameCount, mapped);
            int produced = resamplers[s].Process(mapped, frameCount, out float[][] output);
            WriteInterleaved(s, output, produced);
        }
    }

    /// <summary>Writes what the resamplers still hold.</summary>
    public void Flush()
    {
        for (int s = 0; s < sinks.Length; s++)
        {
            if (sinks[s] is null) continue;
            int produced = resamplers[s].Flush(out float[][] output);
            WriteInterleaved(s, output, produced);
        }
    }

    private void WriteInterleaved(int stem, float[][] planar, int frameCount)
    {
        if (frameCount == 0) return;
        int samples = frameCount * planar.Length;
        if (interleaved.Length < samples) interleaved = new float[samples];
        Interleaving.Interleave(planar, 0, frameCount, interleaved);
        sinks[stem]!.Write(interleaved.AsSpan(0, samples));
    }

    private void EnsureCapacity(int frameCount)
    {
        if (mapped.Length > 0 && mapped[0].Length >= frameCount) return;
        mapped = new float[channelGains.Length][];
        for (int c = 0; c < mapped.Length; c++) mapped[c] = new float[frameCount];
    }
}
