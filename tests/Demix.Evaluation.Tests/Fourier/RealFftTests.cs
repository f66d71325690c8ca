using Demix.Evaluation.Fourier;

namespace Demix.Evaluation.Tests.Fourier;

public sealed class RealFftTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(32)]
    [InlineData(64)]
    [InlineData(256)]
    [InlineData(2048)]
    public void Forward_RandomSignal_MatchesDirectDft(int n)
    {
        var random = new Random(n);
        double[] x = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var fft = new RealFft(n);
        var re = new double[fft.BinCount];
        var im = new double[fft.BinCount];
        fft.Forward(x, re, im, new RealFftBuffers(n));
        for (int k = 0; k <= n / 2; k++)
        {
            double sumRe = 0, sumIm = 0;
            for (int j = 0; j < n; j++)
            {
                double angle = -2 * Math.PI * ((long)j * k % n) / n;
                sumRe += x[j] * Math.Cos(angle);
                sumIm += x[j] * Math.Sin(angle);
            }
            Assert.Equal(sumRe, re[k], 1e-10);
            Assert.Equal(sumIm, im[k], 1e-10);
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(32)]
    [InlineData(16384)]
    public void Inverse_OfForward_RestoresSignal(int n)
    {
        var random = new Random(7);
        double[] x = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var fft = new RealFft(n);
        var buffers = new RealFftBuffers(n);
        var re = new double[fft.BinCount];
        var im = new double[fft.BinCount];
        var back = new double[n];
        fft.Forward(x, re, im, buffers);
        fft.Inverse(re, im, back, buffers);
        for (int j = 0; j < n; j++) Assert.Equal(x[j], back[j], 1e-12);
    }

    [Fact]
    public void Forward_ShortSignal_IsZeroPadded()
    {
        var fft = new RealFft(8);
        var re = new double[5];
        var im = new double[5];
        fft.Forward([1.0], re, im, new RealFftBuffers(8));
        Assert.All(re, v => Assert.Equal(1.0, v, 1e-15));
        Assert.All(im, v => Assert.Equal(0.0, v, 1e-15));
    }

    [Fact]
    public void Constructor_NonPowerOfTwo_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RealFft(12));
    }
}
