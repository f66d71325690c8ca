using Demix.Dsp.Masking;
using Demix.Dsp.Stft;
using Demix.Dsp.Tests.Support;
using StftTransform = Demix.Dsp.Stft.Stft;

namespace Demix.Dsp.Tests.Masking;

/// <summary>
/// The DSP half of the Open-Unmix Separator on ../shared/fixtures/openunmix: our STFT of mixture_excerpt.wav,
/// Wiener with the reference network output (network_output_vocals_magnitude.f32), our inverse STFT, against the
/// reference time-domain estimates. README tolerance: |diff| &lt;= 1e-4 or signal-to-error &gt;= 80 dB.
/// </summary>
public sealed class OpenUnmixSeparatorDspTests
{
    private const string Folder = "openunmix";
    private const int Channels = 2, Bins = 2049, Frames = 130, Length = 132300;
    private static readonly StftConfig Config = StftConfig.Torch(4096, 1024);
    private static readonly float[][] Mixture = FixtureFiles.ReadFloatWav(Folder, "mixture_excerpt.wav", Channels);

    [Fact]
    public void Stft_OfExcerpt_MatchesNetworkInputMagnitude()
    {
        ComplexSpectrogram spec = StftTransform.Forward(Mixture, Config);
        float[] expected = ChannelBinFrameToOurs(FixtureFiles.ReadF32(Folder, "input_magnitude.f32", Channels * Bins * Frames));
        float[] magnitude = spec.Magnitude();
        float max = expected.Max();
        double worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            if (expected[i] > 1e-3f * max) worst = Math.Max(worst, Math.Abs(magnitude[i] - expected[i]) / expected[i]);
        }
        Console.WriteLine($"input magnitude: relative error {worst:E2} on bins above 1e-3 max");
        Assert.True(worst < 1e-4, $"relative magnitude error {worst:E2}");
    }

    [Theory]
    [InlineData(0, 300, "estimates_niter0.f32")]
    [InlineData(1, 300, "estimates_niter1.f32")]
    [InlineData(1, 50, "estimates_niter1_winlen50_vocals.f32")]
    public void Separate_WithReferenceNetworkOutput_MatchesEstimates(int iterations, int blockFrames, string file)
    {
        ComplexSpectrogram spec = StftTransform.Forward(Mixture, Config);
        float[] vocals = ChannelBinFrameToOurs(FixtureFiles.ReadF32(Folder, "network_output_vocals_magnitude.f32", Channels * Bins * Frames));
        ComplexSpectrogram[] sources = Wiener.Filter(spec, [vocals], iterations, softmask: false, residual: true, blockFrames);
        bool vocalsOnly = file.Contains("vocals", StringComparison.Ordinal);
        int targets = vocalsOnly ? 1 : 2;
        float[] expected = FixtureFiles.ReadF32(Folder, file, targets * Channels * Length);   // (target, channel, time)
        for (int j = 0; j < targets; j++)
        {
            float[][] audio = StftTransform.Inverse(sources[j], Config, Length);
            for (int c = 0; c < Channels; c++)
            {
                ReadOnlySpan<float> reference = expected.AsSpan((j * Channels + c) * Length, Length);
                double error = Compare.MaxAbs(audio[c], reference);
                double snr = 20 * Math.Log10(Rms(reference) / Compare.Rms(audio[c], reference));
                Console.WriteLine($"{file} target {j} channel {c}: max abs {error:E2}, SNR {snr:F1} dB");
                Assert.True(error <= 1e-4 || snr >= 80, $"target {j} channel {c}: max abs {error:E2}, SNR {snr:F1} dB");
            }
        }
    }

    private static double Rms(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (float v in x) sum += (double)v * v;
        return Math.Sqrt(sum / x.Length);
    }

    /// <summary>(sample=1, channel, bin, frame) into [channel, frame, bin].</summary>
    private static float[] ChannelBinFrameToOurs(float[] raw)
    {
        var result = new float[raw.Length];
        for (int c = 0; c < Channels; c++)
        {
            for (int k = 0; k < Bins; k++)
            {
                for (int t = 0; t < Frames; t++) result[(c * Frames + t) * Bins + k] = raw[(c * Bins + k) * Frames + t];
            }
        }
        return result;
    }
}
