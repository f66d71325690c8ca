using Demix.Imaging.Plotting;

namespace Demix.Imaging.Tests.Plotting;

public sealed class NiceTicksTests
{
    [Theory]
    [InlineData(0.13, 0.1)]
    [InlineData(0.25, 0.2)]
    [InlineData(0.4, 0.5)]
    [InlineData(0.8, 1.0)]
    [InlineData(3.2, 5.0)]
    [InlineData(12, 10)]
    [InlineData(600, 500)]
    [InlineData(2.6e-7, 2e-7)]
    public void NiceStep_RoundsToNearestOneTwoFive(double raw, double expected)
    {
        Assert.Equal(expected, NiceTicks.NiceStep(raw), 12);
    }

    [Fact]
    public void Linear_TrainingSteps_GivesRoundThousands()
    {
        (double[] ticks, double step) = NiceTicks.Linear(0, 3000);
        Assert.Equal(500, step);
        Assert.Equal([0, 500, 1000, 1500, 2000, 2500, 3000], ticks);
    }

    [Fact]
    public void Linear_DecimalRange_HasNoBinaryNoise()
    {
        (double[] ticks, double step) = NiceTicks.Linear(0.1, 0.95);
        Assert.Equal(0.2, step, 15);
        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8, 1.0], ticks);
        Assert.Equal(["0", "0.2", "0.4", "0.6", "0.8", "1.0"], ticks.Select(t => NiceTicks.Format(t, step)));
    }

    [Fact]
    public void Linear_NegativeToPositive_IncludesZero()
    {
        Assert.Equal([-5, 0, 5, 10, 15], NiceTicks.Linear(-3.7, 12.2).Ticks);
    }

    [Fact]
    public void Linear_EmptyRange_IsWidenedAroundTheValue()
    {
        (double[] ticks, _) = NiceTicks.Linear(5, 5);
        Assert.True(ticks[0] < 5 && ticks[^1] > 5);
        Assert.Contains(5.0, ticks);
        Assert.True(NiceTicks.Linear(0, 0).Ticks.Length >= 3);
    }

    [Fact]
    public void Linear_RandomRanges_CoverTheRangeWithFewMultiplesOfANiceStep()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 2000; trial++)
        {
            double scale = Math.Pow(10, random.Next(-6, 7));
            double a = (random.NextDouble() - 0.5) * scale, b = a + random.NextDouble() * scale + 1e-3 * scale;
            (double[] ticks, double step) = NiceTicks.Linear(a, b);
            Assert.True(ticks[0] <= a && ticks[^1] >= b, $"[{a}, {b}] not covered by [{ticks[0]}, {ticks[^1]}]");
            Assert.InRange(ticks.Length, 3, 12);
            double mantissa = step / Math.Pow(10, Math.Floor(Math.Log10(step) + 1e-9));
            Assert.Contains(Math.Round(mantissa, 6), new[] { 1.0, 2.0, 5.0 });
            for (int i = 0; i < ticks.Length; i++) Assert.Equal(0, Math.Abs(ticks[i] / step - Math.Round(ticks[i] / step)), 6);
        }
    }

    [Fact]
    public void Logarithmic_ShortRange_UsesOneTwoFive()
    {
        Assert.Equal([0.02, 0.05, 0.1, 0.2, 0.5], NiceTicks.Logarithmic(0.015, 0.6));
    }

    [Fact]
    public void Logarithmic_ManyDecades_SkipsDecades()
    {
        Assert.Equal([1e-5, 1e-3, 1e-1, 10], NiceTicks.Logarithmic(1e-5, 10));
    }

    [Fact]
    public void Logarithmic_WithinOneDecade_FallsBackToLinearTicks()
    {
        Assert.Equal([3, 4, 5, 6, 7], NiceTicks.Logarithmic(3, 7));
    }

    [Theory]
    [InlineData(1500, 500, "1500")]
    [InlineData(0.25, 0.05, "0.25")]
    [InlineData(-2, 1, "-2")]
    [InlineData(0, 0.1, "0")]
    [InlineData(1e-5, 1e-5, "1e-5")]
    [InlineData(2.5e6, 5e5, "2.5e6")]
    public void Format_UsesJustEnoughDecimals(double value, double step, string expected)
    {
        Assert.Equal(expected, NiceTicks.Format(value, step));
    }

    [Fact]
    public void FormatLog_ShowsDecadeValues()
    {
        Assert.Equal(["0.002", "0.5", "20", "1e-6"], new[] { 0.002, 0.5, 20, 1e-6 }.Select(NiceTicks.FormatLog));
    }
}
