using Demix.Imaging.Drawing;

namespace Demix.Imaging.Plotting;

/// <summary>
/// A line plot of several named series (training loss, validation SDR, ...): title, axis labels,
/// nice ticks and grid, optional log-scale y, a legend, and ranges found from the data (NaN and
/// infinite values skipped, and non-positive y on a log axis) unless fixed.
/// </summary>
/// <example><code>
/// var plot = new LinePlot { Title = "Training", XLabel = "step", YLabel = "loss", LogY = true };
/// plot.AddSeries("train", steps, trainLoss).AddSeries("validation", validationSteps, validationLoss);
/// plot.Save("loss.png");
/// </code></example>
public sealed class LinePlot
{
    private readonly List<LineSeries> series = [];

    public string Title { get; set; } = "";

    public string XLabel { get; set; } = "";

    public string YLabel { get; set; } = "";

    /// <summary>Draws y on a log10 scale; points with y &lt;= 0 are skipped.</summary>
    public bool LogY { get; set; }

    /// <summary>Fixed axis limits; null means from the data (widened to the nearest ticks on linear axes).</summary>
    public double? XMin { get; set; }

    public double? XMax { get; set; }

    public double? YMin { get; set; }

    public double? YMax { get; set; }

    public bool ShowLegend { get; set; } = true;

    /// <summary>Size of every font pixel in canvas pixels (the title is twice as large).</summary>
    public int TextScale { get; set; } = 1;

    public IReadOnlyList<LineSeries> Series => series;

    /// <summary>
    /// Adds a curve through (x[i], y[i]); <paramref name="colour"/> defaults to the next colour of
    /// <see cref="SeriesColours"/>; <paramref name="markerSize"/> &gt; 0 marks every point (for sparse
    /// series such as validation scores).
    /// </summary>
    public LinePlot AddSeries(string name, ReadOnlySpan<double> x, ReadOnlySpan<double> y, Rgb? colour = null, int thickness = 2, int markerSize = 0)
    {
        if (x.Length != y.Length) throw new ArgumentException($"Series '{name}' has {x.Length} x values and {y.Length} y values.", nameof(y));
        series.Add(new LineSeries(name, x.ToArray(), y.ToArray(), colour ?? SeriesColours.Get(series.Count), Math.Max(1, thickness), Math.Max(0, markerSize)));
        return this;
    }

    /// <summary>Adds a curve through (i, y[i]), i = 0, 1, 2, ...</summary>
    public LinePlot AddSeries(string name, ReadOnlySpan<double> y, Rgb? colour = null, int thickness = 2, int markerSize = 0)
    {
        var x = new double[y.Length];
        for (int i = 0; i < x.Length; i++) x[i] = i;
        return AddSeries(name, x, y, colour, thickness, markerSize);
    }

    /// <summary>Adds a curve from float32 values (converted to float64).</summary>
    public LinePlot AddSeries(string name, ReadOnlySpan<float> x, ReadOnlySpan<float> y, Rgb? colour = null, int thickness = 2, int markerSize = 0)
    {
        double[] xs = new double[x.Length], ys = new double[y.Length];
        for (int i = 0; i < xs.Length; i++) xs[i] = x[i];
        for (int i = 0; i < ys.Length; i++) ys[i] = y[i];
        return AddSeries(name, xs, ys, colour, thickness, markerSize);
    }

    /// <summary>Draws the plot on a new white canvas of <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
    public Canvas Render(int width = 800, int height = 500)
    {
        var canvas = new Canvas(width, height);
        Draw(canvas, 0, 0, width, height);
        return canvas;
    }

    /// <summary>Renders and writes a PNG (temporary file, then rename).</summary>
    public void Save(string path, int width = 800, int height = 500) => Render(width, height).SavePng(path);

    /// <summary>Draws the plot into the given area of <paramref name="canvas"/>.</summary>
    /// <returns>Where the data went: the plot rectangle and the axis mappings.</returns>
    public PlotFrame Draw(Canvas canvas, int left, int top, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        (double xMin, double xMax) = DataRange(useY: false);
        (double yMin, double yMax) = DataRange(useY: true);
        AxisTicks xTicks = AxisTicks.Create(xMin, xMax, XMin.HasValue || XMax.HasValue, logarithmic: false);
        AxisTicks yTicks = AxisTicks.Create(yMin, yMax, YMin.HasValue || YMax.HasValue, LogY);
        return new LinePlotRenderer(this, canvas).Draw(left, top, width, height, xTicks, yTicks);
    }

    /// <summary>Range of x or y over the drawable points, with fixed limits applied; (NaN, NaN) without data.</summary>
    private (double Min, double Max) DataRange(bool useY)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (LineSeries line in series)
        {
            for (int i = 0; i < line.X.Length; i++)
            {
                if (!line.IsDrawable(i, LogY)) continue;
                double value = useY ? line.Y[i] : line.X[i];
                min = Math.Min(min, value);
                max = Math.Max(max, value);
            }
        }
        double? fixedMin = useY ? YMin : XMin, fixedMax = useY ? YMax : XMax;
        min = fixedMin ?? (double.IsFinite(min) ? min : (useY && LogY ? 1 : 0));
        max = fixedMax ?? (double.IsFinite(max) ? max : (useY && LogY ? 10 : 1));
        if (max < min) (min, max) = (max, min);
        return (min, max);
    }
}

/// <summary>Where a <see cref="LinePlot"/> drew its data: the plot rectangle (pixels, inclusive) and the axis mappings.</summary>
public sealed record PlotFrame(int Left, int Top, int Right, int Bottom, AxisScale X, AxisScale Y);
