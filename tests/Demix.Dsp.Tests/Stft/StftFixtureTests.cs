using Demix.Dsp.Stft;
using Demix.Dsp.Tests.Support;
using StftTransform = Demix.Dsp.Stft.Stft;

namespace Demix.Dsp.Tests.Stft;

/// <summary>The conventions pinned by ../shared/fixtures/stft (README there): torch center=True/False and scipy.</summary>
public sealed class StftFixtureTests
{
    private const string Folder = "stft";
    private const int Length = 12000;
    private static readonly float[][] Signal = FixtureFiles.ReadFloatWav(Folder, "signal.wav", 2);

    [Theory]
    [InlineData("torch_stft_center.f32", true, 12)]
    [InlineData("torch_stft_nocenter.f32", false, 8)]
    public void Forward_Torch_MatchesFixture(string file, bool center, int frames)
    {
        var config = StftConfig.Torch(4096, 1024, center);
        ComplexSpectrogram spec = StftTransform.Forward(Signal, config);
        Assert.Equal(frames, spec.FrameCount);
        var (refRe, refIm) = ReadChannelBinFrame(file, 2049, frames);
        AssertClose(spec, refRe, refIm);
    }

    [Fact]
    public void Forward_Scipy_MatchesFixture()
    {
        var config = StftConfig.Scipy(2048);
        ComplexSpectrogram spec = StftTransform.Forward(Signal, config);
        Assert.Equal(13, spec.FrameCount);
        var (refRe, refIm) = ReadChannelBinFrame("scipy_stft_nperseg2048.f32", 1025, 13);
        AssertClose(spec, refRe, refIm);
    }

    [Fact]
    public void Inverse_TorchCenter_MatchesRoundTripFixture()
    {
        var config = StftConfig.Torch();
        float[][] back = StftTransform.Inverse(StftTransform.Forward(Signal, config), config, Length);
        float[] expected = FixtureFiles.ReadF32(Folder, "torch_istft_center_roundtrip.f32", 2 * Length);
        Assert.True(Compare.MaxAbs([.. back[0], .. back[1]], expected) < 1e-6);
        Assert.True(Compare.Rms(back[0], Signal[0]) < 1e-6 && Compare.Rms(back[1], Signal[1]) < 1e-6);
    }

    [Fact]
    public void Inverse_TorchCenterMasked_MatchesFixture()
    {
        var config = StftConfig.Torch();
        ComplexSpectrogram spec = StftTransform.Forward(Signal, config);
        float[] mask = FixtureFiles.ReadF32(Folder, "torch_stft_center_mask.f32", 2049 * 12);
        ApplyBinFrameMask(spec, mask);
        float[][] back = StftTransform.Inverse(spec, config, Length);
        float[] expected = FixtureFiles.ReadF32(Folder, "torch_istft_center_masked.f32", 2 * Length);
        double error = Compare.MaxAbs([.. back[0], .. back[1]], expected);
        Assert.True(error < 1e-6, $"max abs error {error:E2}");
    }

    [Fact]
    public void Inverse_Scipy_MatchesRoundTripFixture()
    {
        var config = StftConfig.Scipy(2048);
        float[][] back = StftTransform.Inverse(StftTransform.Forward(Signal, config), config, Length);
        float[] expected = FixtureFiles.ReadF32(Folder, "scipy_istft_roundtrip.f32", 2 * Length);
        double error = Compare.MaxAbs([.. back[0], .. back[1]], expected);
        Assert.True(error < 1e-6, $"max abs error {error:E2}");
    }

    [Fact]
    public void Inverse_ScipyMasked_MatchesFixture()
    {
        var config = StftConfig.Scipy(2048);
        ComplexSpectrogram spec = StftTransform.Forward(Signal, config);
        // The oracle applies M[k, t] = 0.5 + 0.5 cos(2 pi k / 150 + 0.7 t) in float64; recompute it from the formula.
        var mask = new float[1025 * 13];
        for (int k = 0; k < 1025; k++)
        {
            for (int t = 0; t < 13; t++) mask[k * 13 + t] = (float)(0.5 + 0.5 * Math.Cos(2 * Math.PI * k / 150 + 0.7 * t));
        }
        ApplyBinFrameMask(spec, mask);
        float[][] back = StftTransform.Inverse(spec, config, Length);
        float[] expected = FixtureFiles.ReadF32(Folder, "scipy_istft_masked.f32", 2 * Length);
        double error = Compare.MaxAbs([.. back[0], .. back[1]], expected);
        Assert.True(error < 1e-6, $"max abs error {error:E2}");
    }

    /// <summary>
    /// The README asks for about 1e-6 relative on bins above 1e-4 max. A float32 FFT (ours, or torch's) has
    /// an error floor near 1e-7 of the largest bin, so weak bins (1e-4 max) carry up to ~1e-3 relative error;
    /// we assert 1e-6 of the maximum everywhere, 1e-5 relative on bins above 1e-2 max and 2e-3 above 1e-4 max.
    /// </summary>
    private static void AssertClose(ComplexSpectrogram spec, float[] refRe, float[] refIm)
    {
        var (weak, relativeToMax) = Compare.Complex(spec.Real, spec.Imag, refRe, refIm, 1e-4);
        var (strong, _) = Compare.Complex(spec.Real, spec.Imag, refRe, refIm, 1e-2);
        Assert.True(relativeToMax < 1e-6, $"error / max {relativeToMax:E2}");
        Assert.True(strong < 1e-5, $"relative error {strong:E2} on bins above 1e-2 max");
        Assert.True(weak < 2e-3, $"relative error {weak:E2} on bins above 1e-4 max");
        Console.WriteLine($"STFT fixture: error/max {relativeToMax:E2}, relative {strong:E2} (bins > 1e-2 max), {weak:E2} (bins > 1e-4 max)");
    }

    /// <summary>Reads a (channel, bin, frame, reim) fixture into our [channel, frame, bin] split layout.</summary>
    private static (float[] Real, float[] Imag) ReadChannelBinFrame(string file, int bins, int frames)
    {
        float[] raw = FixtureFiles.ReadF32(Folder, file, 2 * bins * frames * 2);
        var re = new float[2 * frames * bins];
        var im = new float[2 * frames * bins];
        for (int c = 0; c < 2; c++)
        {
            for (int k = 0; k < bins; k++)
            {
                for (int t = 0; t < frames; t++)
                {
                    int source = ((c * bins + k) * frames + t) * 2, target = (c * frames + t) * bins + k;
                    re[target] = raw[source];
                    im[target] = raw[source + 1];
                }
            }
        }
        return (re, im);
    }

    /// <summary>Multiplies every channel by a (bin, frame) mask.</summary>
    private static void ApplyBinFrameMask(ComplexSpectrogram spec, float[] binFrameMask)
    {
        for (int c = 0; c < spec.ChannelCount; c++)
        {
            for (int t = 0; t < spec.FrameCount; t++)
            {
                Span<float> re = spec.RealFrame(c, t), im = spec.ImagFrame(c, t);
                for (int k = 0; k < spec.BinCount; k++)
                {
                    float m = binFrameMask[k * spec.FrameCount + t];
                    re[k] *= m;
                    im[k] *= m;
                }
            }
        }
    }
}
