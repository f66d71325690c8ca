using Demix.Dsp.Stft;
using Demix.Dsp.Tests.Support;
using StftTransform = Demix.Dsp.Stft.Stft;

namespace Demix.Dsp.Tests.Stft;

public sealed class StftRoundTripTests
{
    public static TheoryData<int, int, int> TorchShapes() => new()
    {
        { 4096, 1024, 44100 },
        { 2048, 512, 10007 },
        { 1024, 256, 3000 },
        { 512, 128, 700 },
        { 256, 64, 129 },
        { 1024, 300, 5000 },
    };

    [Theory]
    [MemberData(nameof(TorchShapes))]
    public void InverseOfForward_TorchCenter_ReturnsSignal(int fftSize, int hopSize, int length)
    {
        float[][] x = [ReferenceDft.RandomSignal(length, 1), ReferenceDft.RandomSignal(length, 2)];
        var config = StftConfig.Torch(fftSize, hopSize);
        float[][] back = StftTransform.Inverse(StftTransform.Forward(x, config), config, length);
        for (int c = 0; c < 2; c++) Assert.True(Compare.Rms(back[c], x[c]) < 1e-6, $"channel {c}: rms {Compare.Rms(back[c], x[c]):E2}");
    }

    [Theory]
    [InlineData(2048, 5000)]
    [InlineData(512, 333)]
    public void InverseOfForward_Scipy_ReturnsSignal(int segmentSize, int length)
    {
        float[][] x = [ReferenceDft.RandomSignal(length, 3)];
        var config = StftConfig.Scipy(segmentSize);
        float[][] back = StftTransform.Inverse(StftTransform.Forward(x, config), config, length);
        Assert.True(Compare.Rms(back[0], x[0]) < 1e-6);
    }

    [Fact]
    public void InverseOfForward_SqrtHannHalfOverlap_ReturnsSignal()
    {
        float[][] x = [ReferenceDft.RandomSignal(9000, 4)];
        var config = new StftConfig(1024, 512, WindowKind.SqrtHannPeriodic);
        float[][] back = StftTransform.Inverse(StftTransform.Forward(x, config), config, x[0].Length);
        Assert.True(Compare.Rms(back[0], x[0]) < 1e-6);
    }

    [Fact]
    public void InverseOfForward_NoCenter_ReturnsInteriorAndZeroWhereUncovered()
    {
        float[][] x = [ReferenceDft.RandomSignal(8192, 5)];
        var config = StftConfig.Torch(1024, 256, center: false);
        float[][] back = StftTransform.Inverse(StftTransform.Forward(x, config), config, x[0].Length);
        // w[0] = 0, so sample 0 has no window weight: it comes back as 0 (torch refuses this case). The first
        // and last samples have tiny envelopes; away from the ends one full overlap gives the signal back.
        Assert.Equal(0f, back[0][0]);
        Assert.True(Compare.Rms(back[0].AsSpan(256, 8192 - 512), x[0].AsSpan(256, 8192 - 512)) < 1e-6);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(100)]
    [InlineData(2049)]
    public void Forward_ShortSignal_ReflectsLikeNumpy(int length)
    {
        // Signals shorter than the pad are reflected periodically (numpy 'reflect'); the round trip still holds.
        float[][] x = [ReferenceDft.RandomSignal(length, 6)];
        var config = StftConfig.Torch(4096, 1024);
        ComplexSpectrogram spec = StftTransform.Forward(x, config);
        Assert.Equal(1 + length / 1024, spec.FrameCount);
        float[][] back = StftTransform.Inverse(spec, config, length);
        Assert.True(Compare.Rms(back[0], x[0]) < 1e-6);
    }

    [Fact]
    public void Forward_ConstantSignal_OnlyDcBin()
    {
        float[][] x = [Enumerable.Repeat(0.25f, 8192).ToArray()];
        ComplexSpectrogram spec = StftTransform.Forward(x, StftConfig.Torch(1024, 256));
        for (int t = 0; t < spec.FrameCount; t++)
        {
            // Periodic Hann: sum w = N/2, so the DC bin is 0.25 * 512; the neighbouring bin carries -1/4 of it.
            Assert.Equal(128.0, spec.RealFrame(0, t)[0], 1e-3);
            for (int k = 2; k < spec.BinCount; k++) Assert.True(Math.Abs(spec.RealFrame(0, t)[k]) < 1e-4);
        }
    }

    [Fact]
    public void Forward_SingleThread_EqualsParallel()
    {
        float[][] x = [ReferenceDft.RandomSignal(50000, 9), ReferenceDft.RandomSignal(50000, 10)];
        var config = StftConfig.Torch(2048, 512);
        ComplexSpectrogram parallel = StftTransform.Forward(x, config), single = StftTransform.Forward(x, config, maxDegreeOfParallelism: 1);
        Assert.Equal(single.Real, parallel.Real);
        Assert.Equal(StftTransform.Inverse(single, config, 50000, 1)[1], StftTransform.Inverse(parallel, config, 50000)[1]);
    }

    [Fact]
    public void Forward_MismatchedChannels_Throws()
    {
        Assert.Throws<ArgumentException>(() => StftTransform.Forward([new float[10], new float[11]], StftConfig.Torch()));
        Assert.Throws<ArgumentException>(() => StftTransform.Forward([Array.Empty<float>()], StftConfig.Torch()));
    }

    [Fact]
    public void Inverse_WrongBinCount_Throws()
    {
        var spec = new ComplexSpectrogram(1, 3, 100);
        Assert.Throws<ArgumentException>(() => StftTransform.Inverse(spec, StftConfig.Torch(), 100));
    }

    [Fact]
    public void Magnitude_And_Power_MatchDefinition()
    {
        ComplexSpectrogram spec = StftTransform.Forward([ReferenceDft.RandomSignal(3000, 8)], StftConfig.Torch(512, 128));
        float[] magnitude = spec.Magnitude();
        var power = new float[spec.Length];
        spec.Power(power);
        for (int i = 0; i < spec.Length; i += 7)
        {
            double expected = (double)spec.Real[i] * spec.Real[i] + (double)spec.Imag[i] * spec.Imag[i];
            Assert.Equal(expected, power[i], expected * 1e-6 + 1e-12);
            Assert.Equal(Math.Sqrt(expected), magnitude[i], Math.Sqrt(expected) * 1e-6 + 1e-12);
        }
    }
}
