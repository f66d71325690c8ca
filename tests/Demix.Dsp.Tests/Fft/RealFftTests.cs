using Demix.Dsp.Fft;
using Demix.Dsp.Tests.Support;

namespace Demix.Dsp.Tests.Fft;

public sealed class RealFftTests
{
    /// <summary>Every size from 2 to 8192 with each kernel set (0 scalar, 1 Vector256, 2 AVX-512; capped at what the machine has).</summary>
    public static TheoryData<int, int> SizesAndKernels()
    {
        var data = new TheoryData<int, int>();
        for (int size = 2; size <= 8192; size *= 2)
        {
            for (int kernels = 0; kernels <= 2; kernels++) data.Add(size, kernels);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SizesAndKernels))]
    public void Forward_RandomSignal_MatchesFloat64Dft(int size, int kernels)
    {
        float[] x = ReferenceDft.RandomSignal(size, seed: size);
        var fft = Create(size, kernels);
        var re = new float[fft.BinCount];
        var im = new float[fft.BinCount];
        fft.Forward(x, re, im);
        var (refRe, refIm) = ReferenceDft.Forward(x);
        // float32 FFT error grows like eps * sqrt(N log N) relative to the signal energy; bound by the rms.
        double rms = Math.Sqrt(x.Sum(v => (double)v * v));
        double worst = 0;
        for (int k = 0; k < fft.BinCount; k++)
        {
            worst = Math.Max(worst, Math.Abs(re[k] - refRe[k]));
            worst = Math.Max(worst, Math.Abs(im[k] - refIm[k]));
        }
        Assert.True(worst <= 2e-6 * rms * Math.Log2(size) + 1e-7, $"size {size}: max error {worst:E3}, rms {rms:E3}");
    }

    [Theory]
    [InlineData(16, 0)]
    [InlineData(16, 2)]
    [InlineData(1024, 0)]
    [InlineData(1024, 1)]
    [InlineData(4096, 2)]
    [InlineData(16384, 1)]
    [InlineData(65536, 0)]
    [InlineData(65536, 1)]
    [InlineData(65536, 2)]
    public void Inverse_OfForward_ReturnsSignal(int size, int kernels)
    {
        float[] x = ReferenceDft.RandomSignal(size, seed: 7 + size);
        var fft = Create(size, kernels);
        var re = new float[fft.BinCount];
        var im = new float[fft.BinCount];
        var back = new float[size];
        fft.Forward(x, re, im);
        fft.Inverse(re, im, back);
        double sumSquares = 0;
        for (int i = 0; i < size; i++) sumSquares += (double)(back[i] - x[i]) * (back[i] - x[i]);
        Assert.True(Math.Sqrt(sumSquares / size) < 1e-6, $"rms error {Math.Sqrt(sumSquares / size):E3}");
    }

    [Theory]
    [InlineData(64)]
    [InlineData(4096)]
    public void Forward_Constant_OnlyDc(int size)
    {
        var fft = RealFft.ForSize(size);
        var (re, im) = Transform(fft, Enumerable.Repeat(0.5f, size).ToArray());
        Assert.Equal(0.5 * size, re[0], 1e-3);
        for (int k = 1; k < fft.BinCount; k++)
        {
            Assert.True(Math.Abs(re[k]) < 1e-4 && Math.Abs(im[k]) < 1e-4, $"bin {k}: ({re[k]}, {im[k]})");
        }
    }

    [Theory]
    [InlineData(64, 0)]
    [InlineData(4096, 0)]
    [InlineData(4096, 3)]
    public void Forward_Impulse_FlatMagnitude(int size, int position)
    {
        var fft = RealFft.ForSize(size);
        var x = new float[size];
        x[position] = 1f;
        var (re, im) = Transform(fft, x);
        for (int k = 0; k < fft.BinCount; k++)
        {
            Assert.Equal(1.0, Math.Sqrt((double)re[k] * re[k] + (double)im[k] * im[k]), 1e-5);
            double phase = -2 * Math.PI * k * position / size;
            Assert.Equal(Math.Cos(phase), re[k], 1e-5);
            Assert.Equal(Math.Sin(phase), im[k], 1e-5);
        }
    }

    [Theory]
    [InlineData(256, 5)]
    [InlineData(4096, 1000)]
    public void Forward_Cosine_TwoBins(int size, int bin)
    {
        var fft = RealFft.ForSize(size);
        float[] x = Enumerable.Range(0, size).Select(n => (float)Math.Cos(2 * Math.PI * bin * n / size)).ToArray();
        var (re, im) = Transform(fft, x);
        // A real cosine at bin b has energy N/2 at +b and -b; the one-sided spectrum shows the +b half.
        for (int k = 0; k < fft.BinCount; k++)
        {
            double expected = k == bin ? size / 2.0 : 0.0;
            Assert.True(Math.Abs(re[k] - expected) < 2e-3 && Math.Abs(im[k]) < 2e-3, $"bin {k}: ({re[k]}, {im[k]})");
        }
    }

    [Fact]
    public void ForSize_NotPowerOfTwo_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RealFft.ForSize(1000));
        Assert.Throws<ArgumentOutOfRangeException>(() => RealFft.ForSize(1));
    }

    [Fact]
    public void Forward_WrongSpanLength_Throws()
    {
        var fft = RealFft.ForSize(16);
        Assert.Throws<ArgumentException>(() => fft.Forward(new float[15], new float[9], new float[9]));
        Assert.Throws<ArgumentException>(() => fft.Forward(new float[16], new float[8], new float[9]));
    }

    [Theory]
    [InlineData(16384)]
    [InlineData(65536)]
    public void Forward_LargeSizes_KernelSetsAgree(int size)
    {
        // Too large for the O(N^2) reference: the scalar kernels (checked above) are the reference here.
        float[] x = ReferenceDft.RandomSignal(size, seed: 3);
        var (scalarRe, scalarIm) = Transform(Create(size, 0), x);
        var (re, im) = Transform(RealFft.ForSize(size), x);
        double max = scalarRe.Concat(scalarIm).Max(Math.Abs);
        Assert.True(Compare.MaxAbs(re, scalarRe) < 1e-6 * max && Compare.MaxAbs(im, scalarIm) < 1e-6 * max);
    }

    private static RealFft Create(int size, int kernels) =>
        new(size, (FftKernels)Math.Min(kernels, (int)ComplexFft.Best));

    private static (float[] Real, float[] Imag) Transform(RealFft fft, float[] x)
    {
        var re = new float[fft.BinCount];
        var im = new float[fft.BinCount];
        fft.Forward(x, re, im);
        return (re, im);
    }
}
