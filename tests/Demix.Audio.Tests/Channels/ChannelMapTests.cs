namespace Demix.Audio.Tests;

public sealed class ChannelMapTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ToMonoOrStereo_MonoAndStereo_PassUnchanged(int channelCount)
    {
        Waveform input = Signals.Sines(channelCount, 100, 44_100);

        Assert.Same(input, ChannelMap.ToMonoOrStereo(input, Downmix.None, "x.wav"));
    }

    [Fact]
    public void ToMonoOrStereo_SixChannelsWithoutDownmix_SaysChooseADownmix()
    {
        var error = Assert.Throws<AudioFormatException>(() => ChannelMap.ToMonoOrStereo(Signals.Sines(6, 10, 44_100), Downmix.None, "surround.wav"));

        Assert.Equal("surround.wav", error.FilePath);
        Assert.Contains("6 channels", error.Problem);
        Assert.Contains("downmix", error.Problem);
    }

    [Fact]
    public void ToMonoOrStereo_SixChannelsFirstTwo_KeepsFrontLeftAndRight()
    {
        Waveform input = Signals.Sines(6, 100, 44_100);

        Waveform stereo = ChannelMap.ToMonoOrStereo(input, Downmix.FirstTwo, "x.wav");

        Signals.AssertIdentical(new Waveform([input.Channels[0], input.Channels[1]], 44_100), stereo);
    }

    [Fact]
    public void ToMonoOrStereo_FivePointOneItu_MixesCentreAndSurroundsAtMinus3DbAndDropsLfe()
    {
        // One impulse per channel at frame = channel index: L R C LFE Ls Rs.
        var channels = new float[6][];
        for (int c = 0; c < 6; c++) { channels[c] = new float[6]; channels[c][c] = 1; }
        float norm = 1 + 2 * 0.70710678f;

        Waveform stereo = ChannelMap.ToMonoOrStereo(new Waveform(channels, 48_000), Downmix.Itu, "x.wav");

        Assert.Equal([1 / norm, 0, 0.70710678f / norm, 0, 0.70710678f / norm, 0], stereo.Channels[0], new FloatTolerance(1e-6f));
        Assert.Equal([0, 1 / norm, 0.70710678f / norm, 0, 0, 0.70710678f / norm], stereo.Channels[1], new FloatTolerance(1e-6f));
    }

    [Fact]
    public void ToMonoOrStereo_SevenChannelsItu_SaysNoItuLayout()
    {
        var error = Assert.Throws<AudioFormatException>(() => ChannelMap.ToMonoOrStereo(Signals.Sines(7, 10, 44_100), Downmix.Itu, "x.wav"));

        Assert.Contains("no ITU downmix for 7 channels", error.Problem);
    }

    [Fact]
    public void ToStereoAndToMono_DuplicateAndAverage()
    {
        var mono = new Waveform([[0.5f, -1f]], 8_000);
        var stereo = new Waveform([[1f, 0f], [0f, -1f]], 8_000);

        Signals.AssertIdentical(new Waveform([[0.5f, -1f], [0.5f, -1f]], 8_000), ChannelMap.ToStereo(mono));
        Signals.AssertIdentical(new Waveform([[0.5f, -0.5f]], 8_000), ChannelMap.ToMono(stereo));
        Assert.Same(stereo, ChannelMap.ToStereo(stereo));
        Assert.Same(mono, ChannelMap.ToMono(mono));
    }

    [Fact]
    public void Streaming_ItuDownmix_EqualsWholeBuffer()
    {
        Waveform input = Signals.Sines(6, 5_000, 48_000);
        Waveform whole = ChannelMap.ToMonoOrStereo(input, Downmix.Itu, "x.wav");

        using IAudioSource streamed = ChannelMap.ToMonoOrStereo(new WaveformSource(input), Downmix.Itu, "x.wav");

        Assert.Equal(new AudioFormat(48_000, 2), streamed.Format);
        Assert.True(Signals.MaxDifference(whole, streamed.ReadAll()) < 1e-6);
    }

    [Fact]
    public void Open_SixChannelWavRequiringMonoOrStereo_FailsWithoutDownmixAndWorksWithIt()
    {
        using var folder = new TempFolder();
        string path = folder.File("surround.wav");
        WavWriter.Write(path, Signals.Sines(6, 1_000, 48_000));

        var error = Assert.Throws<AudioFormatException>(() => AudioFile.Open(path, new AudioReadOptions { RequireMonoOrStereo = true }));
        Waveform stereo = AudioFile.Read(path, new AudioReadOptions { RequireMonoOrStereo = true, Downmix = Downmix.Itu });

        Assert.Contains("surround.wav", error.Message);
        Assert.Equal(2, stereo.ChannelCount);
        Assert.Equal(6, AudioFile.Read(path).ChannelCount);
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(float obj) => 0;
    }
}
