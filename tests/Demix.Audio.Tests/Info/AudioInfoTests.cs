using Demix.Tests.Shared;

namespace Demix.Audio.Tests;

public sealed class AudioInfoTests
{
    [Fact]
    public void Probe_HalfScaleSineWav_PeakMinus6AndRmsMinus9Dbfs()
    {
        using var folder = new TempFolder();
        string path = folder.File("sine.wav");
        WavWriter.Write(path, Signals.Sines(2, 44_100, 44_100, frequencyHz: 441), WavSampleFormat.Pcm24);

        AudioInfo info = AudioInfo.Probe(path);

        Assert.Equal("WAV (RIFF)", info.Container);
        Assert.Equal("PCM integer 24-bit", info.Codec);
        Assert.Equal((44_100, 2, 44_100L), (info.SampleRate, info.ChannelCount, info.FrameCount));
        Assert.Equal(1.0, info.DurationSeconds, 9);
        Assert.Equal(20 * Math.Log10(0.5), info.PeakDbfs, 3);
        Assert.Equal(20 * Math.Log10(0.5 / Math.Sqrt(2)), info.RmsDbfs, 3);
    }

    [Fact]
    public void Probe_DigitalSilence_IsMinusInfinity()
    {
        using var folder = new TempFolder();
        WavWriter.Write(folder.File("silence.wav"), Waveform.Silence(1, 8_000, 8_000));

        AudioInfo info = AudioInfo.Probe(folder.File("silence.wav"));

        Assert.Equal(double.NegativeInfinity, info.PeakDbfs);
        Assert.Equal(double.NegativeInfinity, info.RmsDbfs);
    }

    [Fact]
    public void Probe_StemMp4_DescribesContainerCodecAndStreams()
    {
        string path = Path.Combine(RepositoryPaths.Data("musdb18-7", "train"), "ANiMAL - Clinic A.stem.mp4");

        AudioInfo info = AudioInfo.Probe(path, streamIndex: 4);

        Assert.Equal("QuickTime / MOV", info.Container);
        Assert.Contains("AAC", info.Codec);
        Assert.Equal((5, 4, 44_100, 2), (info.AudioStreamCount, info.StreamIndex, info.SampleRate, info.ChannelCount));
        Assert.InRange(info.DurationSeconds, 6.7, 6.9);
        Assert.InRange(info.PeakDbfs, -40, 0.5);
        Assert.True(info.RmsDbfs < info.PeakDbfs);
    }

    [Fact]
    public void LevelMeter_BlocksAccumulateLikeOneBlock()
    {
        float[] samples = [.. Signals.RandomFloats(1, 1_000, 4).Channels[0]];
        var whole = new LevelMeter();
        var blocks = new LevelMeter();

        whole.Add(samples);
        for (int i = 0; i < 1_000; i += 77) blocks.Add(samples.AsSpan(i, Math.Min(77, 1_000 - i)));

        Assert.Equal(whole.Peak, blocks.Peak);
        Assert.Equal(whole.Rms, blocks.Rms, 6);
        Assert.Equal(samples.Max(Math.Abs), whole.Peak);
    }
}
