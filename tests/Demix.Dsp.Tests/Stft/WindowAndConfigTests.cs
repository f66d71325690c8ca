using Demix.Dsp.Stft;

namespace Demix.Dsp.Tests.Stft;

public sealed class WindowAndConfigTests
{
    [Fact]
    public void Hann_PeriodicAndSymmetric_MatchDefinitions()
    {
        float[] periodic = Window.Hann(8), symmetric = Window.Hann(9, periodic: false);
        Assert.Equal(0f, periodic[0]);
        Assert.Equal(1f, periodic[4], 1e-7f);
        Assert.Equal(4.0, periodic.Sum(v => (double)v), 1e-6);             // sum = N/2 for the periodic window
        Assert.Equal(0f, symmetric[0]);
        Assert.Equal(0f, symmetric[8], 1e-7f);
        Assert.Equal(1f, symmetric[4], 1e-7f);
        for (int n = 0; n < 9; n++) Assert.Equal(symmetric[n], symmetric[8 - n], 1e-7f);
    }

    [Fact]
    public void SqrtHann_SquaredIsHann()
    {
        float[] root = Window.SqrtHann(64), hann = Window.Hann(64);
        for (int n = 0; n < 64; n++) Assert.Equal(hann[n], root[n] * root[n], 1e-6f);
    }

    [Theory]
    [InlineData(12000, 12)]
    [InlineData(1, 1)]
    [InlineData(1024, 2)]
    public void FrameCount_TorchCenter_IsOnePlusLengthOverHop(long length, int frames) =>
        Assert.Equal(frames, StftConfig.Torch().FrameCount(length));

    [Fact]
    public void FrameCount_OtherConventions_MatchTheFixtures()
    {
        Assert.Equal(8, StftConfig.Torch(center: false).FrameCount(12000));
        Assert.Equal(0, StftConfig.Torch(center: false).FrameCount(4095));
        Assert.Equal(13, StftConfig.Scipy(2048).FrameCount(12000));
        Assert.Equal(2, StftConfig.Scipy(2048).FrameCount(1));
    }

    [Fact]
    public void Config_InvalidSizes_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StftConfig(1000, 250));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StftConfig(1024, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StftConfig(1024, 2048));
    }

    [Fact]
    public void Hamming_Periodic_MatchesDefinition()
    {
        float[] hamming = Window.Hamming(8);
        Assert.Equal(0.08f, hamming[0], 1e-7f);
        Assert.Equal(1f, hamming[4], 1e-7f);
        Assert.Equal(0.54 * 8, hamming.Sum(v => (double)v), 1e-6);      // the cosine sums to 0 over a period
        Assert.Equal(hamming, new StftConfig(8, 4, WindowKind.HammingPeriodic).WindowValues.ToArray());
    }

    [Fact]
    public void CustomWindow_IsCopiedAndNamedCustom()
    {
        float[] values = [0.5f, 1f, 1f, 0.5f];
        var config = new StftConfig(values, 2, center: true, PadMode.Zero);
        values[0] = 7f;

        Assert.Equal(WindowKind.Custom, config.WindowKind);
        Assert.Equal(4, config.FftSize);
        Assert.Equal([0.5f, 1f, 1f, 0.5f], config.WindowValues.ToArray());
        Assert.Equal(3.0, config.WindowSum);
        Assert.Throws<ArgumentOutOfRangeException>(() => new StftConfig(new float[6], 2));
        Assert.Throws<ArgumentException>(() => Window.Create(WindowKind.Custom, 4));
    }
}
