using Xunit.Abstractions;

namespace Demix.Audio.Tests;

/// <summary>Measured quality: passband ripple under 0.1 dB to 0.9 x Nyquist of the lower rate, over 90 dB stopband.</summary>
public sealed class SincResamplerQualityTests(ITestOutputHelper output)
{
    public static TheoryData<int, int> RatePairs => new()
    {
        { 44_100, 48_000 }, { 48_000, 44_100 }, { 44_100, 16_000 }, { 16_000, 44_100 },
        { 48_000, 8_000 }, { 8_000, 192_000 }, { 192_000, 44_100 }, { 44_100, 22_050 },
    };

    [Theory]
    [MemberData(nameof(RatePairs))]
    public void Resample_PassbandSines_RippleUnderPointOneDbAndCleanSpectrum(int inputRate, int outputRate)
    {
        double nyquist = Math.Min(inputRate, outputRate) / 2.0;
        double worstRippleDb = 0, worstResidualDb = -300;
        foreach (double fraction in new[] { 0.001, 0.05, 0.2, 0.45, 0.7, 0.85, 0.9 })
        {
            double frequency = fraction * nyquist;
            Waveform resampled = SincResampler.Resample(SineFit.Sine(frequency, inputRate, inputRate / 4), outputRate);
            (int start, int count) = Middle(resampled.FrameCount);
            SineFit fit = SineFit.Of(resampled.Channels[0], outputRate, frequency, start, count);
            worstRippleDb = Math.Max(worstRippleDb, Math.Abs(20 * Math.Log10(fit.Amplitude)));
            worstResidualDb = Math.Max(worstResidualDb, 20 * Math.Log10(fit.ResidualRms / Math.Sqrt(0.5)));
        }
        output.WriteLine($"{inputRate} -> {outputRate}: ripple {worstRippleDb:F5} dB, images/aliases/noise {worstResidualDb:F1} dB");
        Assert.True(worstRippleDb < 0.1, $"passband ripple {worstRippleDb} dB");
        Assert.True(worstResidualDb < -90, $"residual {worstResidualDb} dB");
    }

    [Theory]
    [InlineData(48_000, 44_100)]
    [InlineData(44_100, 16_000)]
    [InlineData(48_000, 8_000)]
    [InlineData(192_000, 44_100)]
    public void Resample_SinesAboveTheOutputNyquist_AttenuatedOver90Db(int inputRate, int outputRate)
    {
        double nyquist = outputRate / 2.0;
        double worstDb = -300;
        foreach (double fraction in new[] { 1.0, 1.02, 1.2, 1.6 })
        {
            double frequency = fraction * nyquist;
            if (frequency >= inputRate / 2.0) continue;
            Waveform resampled = SincResampler.Resample(SineFit.Sine(frequency, inputRate, inputRate / 4), outputRate);
            (int start, int count) = Middle(resampled.FrameCount);
            worstDb = Math.Max(worstDb, 20 * Math.Log10(SineFit.Rms(resampled.Channels[0], start, count) / Math.Sqrt(0.5)));
        }
        output.WriteLine($"{inputRate} -> {outputRate}: stopband leak {worstDb:F1} dB");
        Assert.True(worstDb < -90, $"stopband leak {worstDb} dB");
    }

    [Theory]
    [InlineData(44_100, 48_000)]
    [InlineData(48_000, 16_000)]
    public void Resample_LinearSweep_MatchesTheAnalyticSweepAtTheNewRate(int inputRate, int outputRate)
    {
        double top = 0.9 * Math.Min(inputRate, outputRate) / 2, seconds = 0.5;
        double Sweep(double t) => Math.Sin(2 * Math.PI * (20 * t + (top - 20) * t * t / (2 * seconds)));
        var input = new float[(int)(inputRate * seconds)];
        for (int n = 0; n < input.Length; n++) input[n] = (float)Sweep((double)n / inputRate);

        Waveform resampled = SincResampler.Resample(new Waveform([input], inputRate), outputRate);

        (int start, int count) = Middle(resampled.FrameCount);
        double maxError = 0;
        for (int k = start; k < start + count; k++) maxError = Math.Max(maxError, Math.Abs(resampled.Channels[0][k] - Sweep((double)k / outputRate)));
        output.WriteLine($"{inputRate} -> {outputRate}: sweep max error {20 * Math.Log10(maxError):F1} dB");
        Assert.True(maxError < 0.0115, $"sweep error {maxError} (0.1 dB of full scale is 0.0115)");
    }

    /// <summary>The middle of the output, away from the zero padding at both ends.</summary>
    private static (int Start, int Count) Middle(int frameCount) => (frameCount / 8, frameCount * 3 / 4);
}
