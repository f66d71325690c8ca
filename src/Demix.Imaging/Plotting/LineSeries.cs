using Demix.Imaging.Drawing;

namespace Demix.Imaging.Plotting;

/// <summary>
/// One named curve of a <see cref="LinePlot"/>: points (X[i], Y[i]); NaN values leave a gap. A
/// <see cref="MarkerSize"/> above 0 also draws a square of that side at every point.
/// </summary>
public sealed record LineSeries(string Name, double[] X, double[] Y, Rgb Colour, int Thickness, int MarkerSize)
{
    /// <summary>Whether point <paramref name="index"/> can be drawn: finite x and y, and y     /// <summary>Indices of the points that can be drawn (finite, and positive y when <paramref name="logY"/>).</summary>gt; 0 when <paramref name="logY"/>.</summary>
    public bool IsDrawable(int index, bool logY) =>
        double.IsFinite(X[index]) && double.IsFinite(Y[index]) && (!logY || Y[index] > 0);
}

/// <summary>The default colours given to series in the order they are added (a common ten-colour cycle).</summary>
public static class SeriesColours
{
    private static readonly uint[] Cycle =
        [0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2, 0x7F7F7F, 0xBCBD22, 0x17BECF];

    /// <summary>The colour of the <paramref name="index"/>-th series (cycling after ten).</summary>
    public static Rgb Get(int index) => Rgb.FromHex(Cycle[index % Cycle.Length]);
}
