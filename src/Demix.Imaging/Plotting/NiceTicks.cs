using System.Globalization;

namespace Demix.Imaging.Plotting;

/// <summary>
/// Tick positions for plot axes: linear ticks at "nice" steps (1, 2 or 5 times a power of ten),
/// logarithmic ticks at decades (plus 2 and 5 times each decade when the range is short), and labels.
/// </summary>
public static class NiceTicks
{
    /// <summary>
    /// The step of the form {1, 2, 5} x 10^k nearest to <paramref name="rawStep"/> (Heckbert 1990,
    /// "Nice numbers for graph labels": mantissa below 1.5 gives 1, below 3 gives 2, below 7 gives 5, else 10).
    /// </summary>
    public static double NiceStep(double rawStep)
    {
        if (!(rawStep > 0) || double.IsInfinity(rawStep)) throw new ArgumentOutOfRangeException(nameof(rawStep), rawStep, "Step must be finite and positive.");
        double power = Math.Pow(10, Math.Floor(Math.Log10(rawStep)));
        double mantissa = rawStep / power;
        double nice = mantissa < 1.5 ? 1 : mantissa < 3 ? 2 : mantissa < 7 ? 5 : 10;
        return nice * power;
    }

    /// <summary>
    /// Linear ticks covering [<paramref name="min"/>, <paramref name="max"/>]: about
    /// <paramref name="targetCount"/> multiples of a nice step, from the multiple at or below
    /// <paramref name="min"/> to the one at or above <paramref name="max"/> (so the ends are nice too).
    /// </summary>
    /// <returns>Ticks in increasing order (at least 2) and the step between them.</returns>
    public static (double[] Ticks, double Step) Linear(double min, double max, int targetCount = 6)
    {
        (min, max) = NonEmptyRange(min, max);
        double step = NiceStep((max - min) / Math.Max(1, targetCount - 1));
        long first = (long)Math.Floor(min / step + 1e-9);
        long last = (long)Math.Ceiling(max / step - 1e-9);
        var ticks = new double[last - first + 1];
        for (long i = first; i <= last; i++) ticks[i - first] = CleanMultiple(i, step);
        return (ticks, step);
    }

    /// <summary>
    /// Logarithmic ticks inside [<paramref name="min"/>, <paramref name="max"/>] (both positive):
    /// powers of ten (every k-th decade when there are many), with 2x and 5x each decade when the range
    /// spans fewer than three decades, and linear ticks when not even two of those fall inside.
    /// </summary>
    public static double[] Logarithmic(double min, double max, int targetCount = 6)
    {
        if (!(min > 0) || !(max >= min)) throw new ArgumentOutOfRangeException(nameof(min), $"Log ticks need 0 < min <= max, got [{min}, {max}].");
        int firstDecade = (int)Math.Floor(Math.Log10(min) + 1e-9);
        int lastDecade = (int)Math.Ceiling(Math.Log10(max) - 1e-9);
        int decades = lastDecade - firstDecade;
        int decadeStep = Math.Max(1, (int)Math.Ceiling(decades / (double)Math.Max(1, targetCount - 1)));
        double[] mantissas = decades < 3 ? [1, 2, 5] : [1];
        var ticks = new List<double>();
        for (int decade = firstDecade; decade <= lastDecade; decade += decadeStep)
        {
            foreach (double mantissa in mantissas)
            {
                // Parsed from text so that 2e-2 is the double nearest 0.02, not 2 * 0.01 = 0.020000000000000004.
                double tick = double.Parse($"{mantissa}e{decade}", CultureInfo.InvariantCulture);
                if (tick >= min * (1 - 1e-9) && tick <= max * (1 + 1e-9)) ticks.Add(tick);
            }
        }
        if (ticks.Count >= 2) return [.. ticks];
        return [.. Linear(min, max, targetCount).Ticks.Where(t => t >= min * (1 - 1e-9) && t <= max * (1 + 1e-9))];
    }

    /// <summary>
    /// A label for <paramref name="value"/> on an axis whose ticks are <paramref name="step"/> apart:
    /// just enough decimals to tell neighbours apart, and powers of ten as "1e-5" beyond 1e6 or below 1e-4.
    /// </summary>
    public static string Format(double value, double step)
    {
        if (value == 0) return "0";
        double magnitude = Math.Abs(value);
        if (magnitude >= 1e6 || magnitude < 1e-4)
        {
            return value.ToString("0.##e0", CultureInfo.InvariantCulture);
        }
        int decimals = Math.Clamp(-(int)Math.Floor(Math.Log10(step) + 1e-9), 0, 10);
        return value.ToString("F" + decimals, CultureInfo.InvariantCulture);
    }

    /// <summary>A label for a logarithmic tick: "0.002", "50", "1e-5" and so on.</summary>
    public static string FormatLog(double value) => Format(value, Math.Pow(10, Math.Floor(Math.Log10(value) + 1e-9)));

    private static (double Min, double Max) NonEmptyRange(double min, double max)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max)) throw new ArgumentOutOfRangeException(nameof(min), $"Range [{min}, {max}] must be finite.");
        if (max < min) (min, max) = (max, min);
        if (max > min) return (min, max);
        double half = min == 0 ? 1 : Math.Abs(min) * 0.1;
        return (min - half, max + half);
    }

    /// <summary>i * step without binary noise such as 0.30000000000000004 (rounded to the step's decimals).</summary>
    private static double CleanMultiple(long i, double step)
    {
        int decimals = -(int)Math.Floor(Math.Log10(step)) + 1;
        return decimals is >= 0 and <= 15 ? Math.Round(i * step, decimals) : i * step;
    }
}
