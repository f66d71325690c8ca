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
}
