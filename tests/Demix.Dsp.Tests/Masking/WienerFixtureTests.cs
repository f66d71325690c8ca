using Demix.Dsp.Masking;
using Demix.Dsp.Stft;
using Demix.Dsp.Tests.Support;

namespace Demix.Dsp.Tests.Masking;

/// <summary>
/// openunmix <c>wiener()</c> on the crop in ../shared/fixtures/openunmix (bins 200..231, 130 frames, stereo,
/// vocals + residual). The README measured float64 against the float32 reference at 1.5e-5 (niter 0, 1)
/// and 1.1e-3 (niter 2) absolute, values up to 84.
/// </summary>
public sealed class WienerFixtureTests
{
    private const string Folder = "openunmix";
    private const int Frames = 130, Bins = 32, Channels = 2;

    [Theory]
    [InlineData("crop", 0, 3e-5)]
    [InlineData("crop", 1, 3e-5)]
    [InlineData("crop", 2, 2e-3)]
    [InlineData("zeroquirk", 0, 3e-5)]
    [InlineData("zeroquirk", 1, 3e-5)]
    public void Filter_MatchesReference(string name, int iterations, double tolerance)
    {
        ComplexSpectrogram mix = ReadMix($"wiener_{name}_mix_stft.f32");
        float[] vocals = ReadTarget($"wiener_{name}_target_spectrograms.f32");
        ComplexSpectrogram[] result = Wiener.Filter(mix, [vocals], iterations, softmask: false, residual: true, blockFrames: 0);
        Assert.Equal(2, result.Length);
        float[] expected = FixtureFiles.ReadF32(Folder, $"wiener_{name}_out_niter{iterations}.f32", Frames * Bins * Channels * 2 * 2);
        double worst = 0;
        for (int t = 0; t < Frames; t++)
        {
            for (int f = 0; f < Bins; f++)
            {
                for (int c = 0; c < Channels; c++)
                {
                    for (int j = 0; j < 2; j++)
                    {
                        int index = (((t * Bins + f) * Channels + c) * 2) * 2 + j;   // frame, bin, channel, reim, source
                        int ours = result[j].Offset(c, t) + f;
                        worst = Math.Max(worst, Math.Abs(result[j].Real[ours] - expected[index]));
                        worst = Math.Max(worst, Math.Abs(result[j].Imag[ours] - expected[index + 2]));
                    }
                }
            }
        }
        Console.WriteLine($"Wiener {name} niter {iterations}: max abs error {worst:E2}");
        Assert.True(worst < tolerance, $"{name} niter {iterations}: max abs error {worst:E2}");
    }

    [Fact]
    public void Filter_ZeroQuirk_ResidualIsOneWhereMixtureIsZero()
    {
        ComplexSpectrogram mix = ReadMix("wiener_zeroquirk_mix_stft.f32");
        float[] vocals = ReadTarget("wiener_zeroquirk_target_spectrograms.f32");
        ComplexSpectrogram[] result = Wiener.Filter(mix, [vocals], iterations: 0, residual: true);
        int index = result[1].Offset(1, 5) + 10;                   // (frame 5, bin 10, channel 1)
        Assert.Equal(1f, result[1].Real[index]);
        Assert.Equal(0f, result[1].Imag[index]);
        Assert.Equal(0f, mix.Real[index]);                          // the caller's spectrogram is unchanged
    }

    [Fact]
    public void Filter_BlocksOfFrames_FilterEachBlockOnItsOwn()
    {
        ComplexSpectrogram mix = ReadMix("wiener_crop_mix_stft.f32");
        float[] vocals = ReadTarget("wiener_crop_target_spectrograms.f32");
        ComplexSpectrogram[] blocked = Wiener.Filter(mix, [vocals], iterations: 1, blockFrames: 50);
        // Frames [50, 100) filtered alone must equal the second block.
        ComplexSpectrogram part = mix.SliceFrames(50, 50);
        float[] partVocals = new ComplexSpectrogram(Channels, Frames, Bins, vocals, new float[vocals.Length]).SliceFrames(50, 50).Real;
        ComplexSpectrogram[] alone = Wiener.Filter(part, [partVocals], iterations: 1, blockFrames: 0);
        Assert.Equal(alone[0].Real, blocked[0].SliceFrames(50, 50).Real);
        Assert.Equal(alone[1].Imag, blocked[1].SliceFrames(50, 50).Imag);
        ComplexSpectrogram[] whole = Wiener.Filter(mix, [vocals], iterations: 1, blockFrames: 0);
        Assert.NotEqual(whole[0].Real, blocked[0].Real);
    }

    /// <summary>(frame, bin, channel, reim) into [channel, frame, bin].</summary>
    private static ComplexSpectrogram ReadMix(string file)
    {
        float[] raw = FixtureFiles.ReadF32(Folder, file, Frames * Bins * Channels * 2);
        var spec = new ComplexSpectrogram(Channels, Frames, Bins);
        for (int t = 0; t < Frames; t++)
        {
            for (int f = 0; f < Bins; f++)
            {
                for (int c = 0; c < Channels; c++)
                {
                    int source = ((t * Bins + f) * Channels + c) * 2;
                    spec.Real[spec.Offset(c, t) + f] = raw[source];
                    spec.Imag[spec.Offset(c, t) + f] = raw[source + 1];
                }
            }
        }
        return spec;
    }

    /// <summary>(frame, bin, channel, source=1) into [channel, frame, bin].</summary>
    private static float[] ReadTarget(string file)
    {
        float[] raw = FixtureFiles.ReadF32(Folder, file, Frames * Bins * Channels);
        var target = new float[raw.Length];
        for (int t = 0; t < Frames; t++)
        {
            for (int f = 0; f < Bins; f++)
            {
                for (int c = 0; c < Channels; c++) target[(c * Frames + t) * Bins + f] = raw[(t * Bins + f) * Channels + c];
            }
        }
        return target;
    }
}
