using Demix.Evaluation.BssEval;
using Demix.Evaluation.Museval;

namespace Demix.Evaluation.Tests.BssEval;

public sealed class BssEvaluatorTests
{
    private static double[] Noise(int n, int seed, double scale = 1)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => scale * (random.NextDouble() - 0.5)).ToArray();
    }

    private static double Energy(double[] x) => x.Sum(v => v * v);

    private static readonly BssEvalOptions SmallWindows = new() { WindowSamples = 8000, HopSamples = 8000 };

    [Fact]
    public void Evaluate_EstimatePlusWhiteNoise_SdrIsTheSignalToNoiseRatio()
    {
        double[] s0 = Noise(16000, 1), s1 = Noise(16000, 2), noise = Noise(16000, 3, 0.1);
        double[] e0 = s0.Zip(noise, (a, b) => a + b).ToArray();

        BssEvalResult result = BssEvaluator.Evaluate([[s0], [s1]], [[e0], [s1.Select(v => 1.01 * v).ToArray()]], SmallWindows);

        double expected = 10 * Math.Log10(Energy(s0[..8000]) / Energy(noise[..8000]));
        Assert.Equal(expected, result.Sdr[0][0], 1e-9);
    }

    [Fact]
    public void Evaluate_EstimateLeaksTheOtherSource_SirIsTheLeakRatio()
    {
        const double gain = 0.1;
        double[] s0 = Noise(40000, 4), s1 = Noise(40000, 5);
        double[] e0 = s0.Zip(s1, (a, b) => a + gain * b).ToArray();
        var options = new BssEvalOptions { WindowSamples = 40000, HopSamples = 40000 };

        BssEvalResult result = BssEvaluator.Evaluate([[s0], [s1]], [[e0], [s1]], options);

        double expected = 10 * Math.Log10(Energy(s0) / (gain * gain * Energy(s1)));
        Assert.Equal(expected, result.Sir[0][0], 0.2);
        Assert.True(result.Sar[0][0] > 60, $"SAR {result.Sar[0][0]} dB: the estimate lies in the span of the references");
        Assert.True(result.Isr[0][0] > 30, $"ISR {result.Isr[0][0]} dB: only the chance correlation of the leak with delayed copies of the source (about 512 / 40000 of it)");
    }

    [Fact]
    public void Evaluate_SilentWindow_IsNaNForEverySource()
    {
        double[] s0 = Noise(24000, 6), s1 = Noise(24000, 7);
        double[] e0 = Noise(24000, 8);
        Array.Clear(e0, 8000, 8000);

        double[] e1 = s1.Zip(Noise(24000, 9, 0.2), (a, b) => a + b).ToArray();

        BssEvalResult result = BssEvaluator.Evaluate([[s0], [s1]], [[e0], [e1]], SmallWindows);

        Assert.All(new[] { result.Sdr, result.Isr, result.Sir, result.Sar }, metric =>
        {
            Assert.True(double.IsNaN(metric[0][1]) && double.IsNaN(metric[1][1]));
            Assert.True(double.IsFinite(metric[0][0]) && double.IsFinite(metric[1][2]));
        });
        Assert.Equal([-1, -1], result.Permutation[1]);
    }

    [Fact]
    public void Evaluate_EntirelySilentReference_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            BssEvaluator.Evaluate([[new double[16000]], [Noise(16000, 9)]], [[Noise(16000, 10)], [Noise(16000, 11)]], SmallWindows));
        Assert.Contains("silent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ScaledSignals_GiveTheSameRatios()
    {
        double[][][] references = [[Noise(16000, 12), Noise(16000, 13)], [Noise(16000, 14), Noise(16000, 15)]];
        double[][][] estimates = references.Select((s, j) => s.Select((c, k) => c.Zip(Noise(16000, 20 + 2 * j + k, 0.5), (a, b) => a + b).ToArray()).ToArray()).ToArray();
        double[][][] Scale(double[][][] x) => x.Select(s => s.Select(c => c.Select(v => 8 * v).ToArray()).ToArray()).ToArray();

        BssEvalResult plain = BssEvaluator.Evaluate(references, estimates, SmallWindows);
        BssEvalResult scaled = BssEvaluator.Evaluate(Scale(references), Scale(estimates), SmallWindows);

        for (int j = 0; j < 2; j++)
            for (int t = 0; t < 2; t++)
            {
                Assert.Equal(plain.Sdr[j][t], scaled.Sdr[j][t], 1e-9);
                Assert.Equal(plain.Isr[j][t], scaled.Isr[j][t], 1e-6);
                Assert.Equal(plain.Sir[j][t], scaled.Sir[j][t], 1e-6);
                Assert.Equal(plain.Sar[j][t], scaled.Sar[j][t], 1e-6);
            }
    }

    [Fact]
    public void Evaluate_OneWindow_V3AndV4FiltersAgree()
    {
        double[][][] references = [[Noise(12000, 30)], [Noise(12000, 31)]];
        double[][][] estimates = [[Noise(12000, 32)], [Noise(12000, 33)]];
        var v4 = new BssEvalOptions { WindowSamples = 12000, HopSamples = 12000 };

        BssEvalResult whole = BssEvaluator.Evaluate(references, estimates, v4);
        BssEvalResult perWindow = BssEvaluator.Evaluate(references, estimates, v4 with { Filters = FilterEstimation.PerWindow });

        Assert.Equal(whole.Sir[1][0], perWindow.Sir[1][0], 1e-9);
        Assert.Equal(whole.Sar[0][0], perWindow.Sar[0][0], 1e-9);
    }

    [Fact]
    public void MusevalEvaluate_LongerEstimate_IsTruncated()
    {
        double[] s0 = Noise(16000, 40), s1 = Noise(16000, 41);
        double[] e0 = Noise(17000, 42), e1 = Noise(17000, 43);

        BssEvalResult longer = MusevalEvaluator.Evaluate([[s0], [s1]], [[e0], [e1]], SmallWindows);
        BssEvalResult trimmed = BssEvaluator.Evaluate([[s0], [s1]], [[e0[..16000]], [e1[..16000]]], SmallWindows);

        Assert.Equal(trimmed.Sdr[0][1], longer.Sdr[0][1]);
        Assert.Equal(trimmed.Sar[1][0], longer.Sar[1][0]);
    }
}
