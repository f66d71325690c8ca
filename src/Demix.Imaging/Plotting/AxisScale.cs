namespace Demix.Imaging.Plotting;

/// <summary>
/// Maps data values on one axis to pixel coordinates: <see cref="Min"/> lands on
/// <see cref="PixelAtMin"/> and <see cref="Max"/> on <see cref="PixelAtMax"/>, linearly or in log10.
/// </summary>
public sealed class AxisScale
{
    public AxisScale(double min, double max, bool logarithmic, double pixelAtMin, double pixelAtMax)
    {
        if (!(max > min)) throw new ArgumentOutOfRangeException(nameof(max), $"Axis range [{min}, {max}] is empty.");
        if (logarithmic && !(min > 0)) throw new ArgumentOutOfRangeException(nameof(min), $"A log axis needs a positive minimum, got {min}.");
        Min = min;
        Max = max;
        Logarithmic = logarithmic;
        PixelAtMin = pixelAtMin;
        PixelAtMax = pixelAtMax;
    }

    public double Min { get; }

    public double Max { get; }

    public bool Logarithmic { get; }

    public double PixelAtMin { get; }

    public double PixelAtMax { get; }

    /// <summary>The pixel coordinate of <paramref name="value"/>; NaN when it cannot be drawn (NaN, or not positive on a log axis).</summary>
    public double ToPixel(double value)
    {
        if (Logarithmic && !(value > 0)) return double.NaN;
        double fraction = Logarithmic
            ? (Math.Log10(value) - Math.Log10(Min)) / (Math.Log10(Max) - Math.Log10(Min))
            : (value - Min) / (Max - Min);
        return PixelAtMin + fraction * (PixelAtMax - PixelAtMin);
    }

    /// <summary>Whether <paramref name="value"/> lies inside the axis range (with a tiny tolerance).</summary>
    public bool Contains(double value)
    {
        double slack = Logarithmic ? 0 : (Max - Min) * 1e-9;
        return value >= Min * (Logarithmic ? 1 - 1e-9 : 1) - slack && value <= Max * (Logarithmic ? 1 + 1e-9 : 1) + slack;
    }
}
