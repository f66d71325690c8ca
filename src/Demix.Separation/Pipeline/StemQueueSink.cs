namespace Demix.Separation.Pipeline;

/// <summary>Maps the method's stems back to the track's channels and queues them, one queue per wanted stem.</summary>
internal sealed class StemQueueSink : IStemBlockSink
{
    private readonly float[][] channelGains;     // [trackChannels][methodChannels]
    private readonly StemQueueSource?[] queues;  // [stems], null = stem not wanted
    private float[][] mapped = [];

    public StemQueueSink(float[][] channelGains, StemQueueSource?[] queues)
    {
        this.channelGains = channelGains;
        this.queues = queues;
    }

    public void Write(float[][][] stems, int frameCount)
    {
        if (mapped.Length == 0 || mapped[0].Length < frameCount) mapped = Planar.Allocate(channelGains.Length, frameCount);
        for (int s = 0; s < queues.Length; s++)
        {
            if (queues[s] is not StemQueueSource queue) continue;
            ChannelMapping.Mix(channelGains, stems[s], frameCount, mapped);
            queue.Enqueue(mapped, frameCount);
        }
    }
}
