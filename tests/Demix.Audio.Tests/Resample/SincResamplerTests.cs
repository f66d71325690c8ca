namespace Demix.Audio.Tests;

public sealed class SincResamplerTests
{
    [Theory]
    [InlineData(44_100, 48_000, 1_000)]
    [InlineData(48_000, 44_100, 1_000)]
    [InlineData(16_000, 8_000, 999)]
    [InlineData(8_000, 192_000, 1)]
    public void Resample_FrameCount_IsCeilOfScaledLength(int inputRate, int outputRate, int frames)
    {
        Waveform resampled = SincResampler.Resample(Waveform.Silence(2, frames, inputRate), outputRate);

        Assert.Equal((int)Math.Ceiling((double)frames * outputRate / inputRate), resampled.FrameCount);
        Assert.Equal(outputRate, resampled.SampleRate);
    }

    [Fact]
    public void Resample_SameRate_ReturnsTheInput()
    {
        Waveform input = Waveform.Silence(1, 10, 44_100);

        Assert.Same(input, SincResampler.Resample(input, 44_100));
    }

    [Theory]
    [InlineData(44_100, 48_000, 1_000)]
    [InlineData(192_000, 44_100, 4_097)]
    [InlineData(16_000, 44_100, 1_234)]
    public void Streaming_InOddBlocks_EqualsWholeBuffer(int inputRate, int outputRate, int blockFrames)
    {
        Waveform input = Signals.Sines(channelCount: 2, frameCount: inputRate / 5, inputRate, frequencyHz: 1_000);
        Waveform whole = SincResampler.Resample(input, outputRate);

        using var streaming = new SincResampler(new WaveformSource(input), outputRate);
        var planar = new[] { new float[whole.FrameCount + 10], new float[whole.FrameCount + 10] };
        var block = new float[blockFrames * 2];
        int frames = 0;
        for (int samples; (samples = streaming.Read(block)) > 0; frames += samples / 2)
        {
            Interleaving.Deinterleave(block.AsSpan(0, samples), planar, frames);
        }

        Assert.Equal(whole.FrameCount, frames);
        Assert.Equal((long)whole.FrameCount, streaming.FrameCount);
        Assert.True(Signals.MaxDifference(whole, new Waveform([planar[0][..frames], planar[1][..frames]], outputRate)) < 1e-6);
    }

    [Fact]
    public void Resample_Constant_StaysConstantAwayFromTheEdges()
    {
        var ones = new float[4_410];
        Array.Fill(ones, 0.5f);

        Waveform resampled = SincResampler.Resample(new Waveform([ones], 44_100), 48_000);

        for (int k = 200; k < resampled.FrameCount - 200; k++) Assert.Equal(0.5, resampled.Channels[0][k], 1e-6);
    }

    [Fact]
    public void Create_HugePhaseCount_ThrowsAClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => SincResampler.Resample(Waveform.Silence(1, 10, 44_100), 44_101));

        Assert.Contains("44101 filter phases", error.Message);
    }
}
