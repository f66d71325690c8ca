namespace Demix.Imaging.Plotting;

/// <summary>The range shown on one axis, its tick values and their labels.</summary>
internal sealed record AxisTicks(double Min, double Max, bool Logarithmic, double[] Values, string[] Labels)
{
    /// <summary>
    /// Ticks for data in [min, max]. A linear axis without fixed limits widens to the ticks around the
    /// data; a log axis widens by 5 % of its log range on each side.
    /// </summary>
    public static AxisTicks Create(double min, double max, bool fixedLimits, bool logarithmic)
    {
        if (logarithmic)
        {
            if (!(min > 0)) throw new ArgumentOutOfRangeException(nameof(min), $"A log axis needs positive limits, got [{min}, {max}].");
            if (!fixedLimits)
            {
                double pad = Math.Max(0.05 * Math.Log10(max / min), 0.02);
                (min, max) = (min / Math.Pow(10, pad), max * Math.Pow(10, pad));
            }
            if (!(max > min)) max = min * 10;
            double[] logTicks = NiceTicks.Logarithmic(min, max);
            return new AxisTicks(min, max, true, logTicks, [.. logTicks.Select(NiceTicks.FormatLog)]);
        }
        (double[] ticks, double step) = NiceTicks.Linear(min, max);
        if (!fixedLimits || !(max > min)) (min, max) = (ticks[0], ticks[^1]);
        double[] inside = [.. ticks.Where(t => t >= min - step * 1e-9 && t <= max + step * 1e-9)];
        return new AxisTicks(min, max, false, inside, [.. inside.Select(t => NiceTicks.Format(t, step))]);
    }
}
