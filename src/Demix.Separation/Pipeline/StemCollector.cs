using Demix.Audio;

namespace Demix.Separation.Pipeline;

/// <summary>
/// An <see cref="IStemBlockSink"/> that keeps every block in memory, for short clips, tests and the demo.
/// Use the streaming pipeline for songs: this sink grows with the track.
/// </summary>
public sealed class StemCollector : IStemBlockSink
{
    private readonly List<float>[][] samples;   // [stems][channels] growing lists

    /// <summary>Creates a collector for <paramref name="stemCount"/> stems of <paramref name="channelCount"/> channels.</summary>
    public StemCollector(int stemCount, int channelCount)
    {
        samples = new List<float>[stemCount][];
        for (int s = 0; s < stemCount; s++)
        {
            samples[s] = new List<float>[channelCount];
            for (int c = 0; c < channelCount; c++) samples[s][c] = [];
        }
    }

    /// <summary>Frames collected so far (per stem and channel).</summary>
    public int FrameCount => samples.Length == 0 || samples[0].Length == 0 ? 0 : samples[0][0].Count;

    /// <inheritdoc />
    public void Write(float[][][] stems, int frameCount)
    {
        for (int s = 0; s < samples.Length; s++)
        {
            for (int c = 0; c < samples[s].Length; c++) samples[s][c].AddRange(stems[s][c].AsSpan(0, frameCount));
        }
    }

    /// <summary>The collected stems as waveforms at <paramref name="sampleRate"/> Hz, in stem order.</summary>
    public Waveform[] ToWaveforms(int sampleRate) =>
        [.. samples.Select(channels => new Waveform([.. channels.Select(list => list.ToArray())], sampleRate))];
}
