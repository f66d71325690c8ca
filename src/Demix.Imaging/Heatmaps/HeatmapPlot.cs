using Demix.Imaging.Drawing;
using Demix.Imaging.Plotting;

namespace Demix.Imaging.Heatmaps;

/// <summary>
/// A heatmap with axes and a colour bar, e.g. a spectrogram: time along x, frequency up y, dB as colour.
/// The matrix is [rows, columns], row-major, row 0 at the bottom; columns span
/// [<see cref="XStart"/>, <see cref="XEnd"/>] and rows span [<see cref="YStart"/>, <see cref="YEnd"/>]
/// (outer cell edges, in axis units).
/// </summary>
public sealed class HeatmapPlot
{
    private const int Gap = AxisPainter.Gap;
    private const int ColourBarWidth = 14;

    public string Title { get; set; } = "";

    public string XLabel { get; set; } = "Time (s)";

    public string YLabel { get; set; } = "Frequency (Hz)";

    public string ColourBarLabel { get; set; } = "dB";

    public double XStart { get; set; }

    public double XEnd { get; set; } = 1;

    public double YStart { get; set; }

    public double YEnd { get; set; } = 1;

    /// <summary>
    /// Ticks to use on y instead of nice ones, in y units, with their labels: e.g. Hz labels placed on
    /// a mel-spaced axis (positions in mel, labels in Hz).
    /// </summary>
    public IReadOnlyList<(double Value, string Label)>? YTicks { get; set; }

    public bool ShowColourBar { get; set; } = true;

    /// <summary>Value range, colour map and resampling (the size is set by the layout).</summary>
    public HeatmapOptions Options { get; set; } = new();

    public int TextScale { get; set; } = 1;

    /// <summary>Draws the heatmap of <paramref name="values"/> ([rows, columns]) on a new canvas.</summary>
    public Canvas Render(ReadOnlySpan<float> values, int rows, int columns, int width = 900, int height = 450)
    {
        var canvas = new Canvas(width, height);
        Draw(canvas, values, rows, columns, 0, 0, width, height);
        return canvas;
    }

    /// <summary>Draws into the given area of <paramref name="canvas"/>; returns the frame of the image area.</summary>
    public PlotFrame Draw(Canvas canvas, ReadOnlySpan<float> values, int rows, int columns, int left, int top, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        int scale = Math.Max(1, TextScale);
        AxisTicks xTicks = AxisTicks.Create(XStart, XEnd, fixedLimits: true, logarithmic: false);
        AxisTicks yTicks = YTicks is null
            ? AxisTicks.Create(YStart, YEnd, fixedLimits: true, logarithmic: false)
            : new AxisTicks(YStart, YEnd, false, [.. YTicks.Select(t => t.Value)], [.. YTicks.Select(t => t.Label)]);
        AxisTicks barTicks = AxisTicks.Create(Options.MinValue, Options.MaxValue, fixedLimits: true, logarithmic: false);
        int barSpace = ShowColourBar
            ? 2 * Gap + ColourBarWidth + AxisPainter.TickLength + Gap + AxisPainter.LabelWidth(barTicks, scale) + 2 * Gap + BitmapFont.CapHeight * scale
            : 0;
        int plotLeft = left + AxisPainter.LeftMargin(scale, AxisPainter.LabelWidth(yTicks, scale), YLabel.Length > 0);
        int plotTop = top + AxisPainter.TopMargin(scale, Title.Length > 0);
        int plotRight = left + width - 1 - barSpace - Math.Max(Gap, BitmapFont.MeasureWidth(xTicks.Labels.LastOrDefault() ?? "", scale) / 2 + 2);
        int plotBottom = top + height - 1 - AxisPainter.BottomMargin(scale, XLabel.Length > 0);
        if (plotRight - plotLeft < 10 || plotBottom - plotTop < 10)
        {
            throw new ArgumentException($"A {width}x{height} area is too small for this heatmap.", nameof(width));
        }
        // The image fills the inside of the frame; the frame's edge pixels mark the axis limits.
        var image = HeatmapImage.Render(values, rows, columns,
            Options with { Width = plotRight - plotLeft - 1, Height = plotBottom - plotTop - 1 });
        canvas.Blit(image, plotLeft + 1, plotTop + 1);
        var frame = new PlotFrame(plotLeft, plotTop, plotRight, plotBottom,
            new AxisScale(XStart, XEnd, false, plotLeft + 0.5, plotRight - 0.5),
            new AxisScale(YStart, YEnd, false, plotBottom - 0.5, plotTop + 0.5));
        canvas.DrawRectangle(plotLeft, plotTop, plotRight - plotLeft + 1, plotBottom - plotTop + 1, AxisPainter.AxisColour);
        AxisPainter.BottomAxis(canvas, frame, xTicks, scale, grid: null);
        AxisPainter.SideAxis(canvas, frame, yTicks, scale, grid: null);
        AxisPainter.Titles(canvas, frame, left, top, width - barSpace, scale, Title, XLabel, YLabel);
        if (ShowColourBar) DrawColourBar(canvas, frame, barTicks, scale);
        return frame;
    }

    private void DrawColourBar(Canvas canvas, PlotFrame frame, AxisTicks ticks, int scale)
    {
        int barLeft = frame.Right + 2 * Gap;
        int barRight = barLeft + ColourBarWidth - 1;
        for (int y = frame.Top + 1; y < frame.Bottom; y++)
        {
            // The first pixel inside the frame's bottom edge shows the lowest colour, the last the highest.
            double fraction = (frame.Bottom - 1 - y) / (frame.Bottom - frame.Top - 2.0);
            canvas.FillRectangle(barLeft, y, ColourBarWidth, 1, Options.ColourMap.Map(fraction));
        }
        var barFrame = frame with
        {
            Left = barLeft,
            Right = barRight,
            Y = new AxisScale(Options.MinValue, Options.MaxValue, false, frame.Bottom - 0.5, frame.Top + 0.5),
        };
        canvas.DrawRectangle(barLeft, frame.Top, ColourBarWidth, frame.Bottom - frame.Top + 1, AxisPainter.AxisColour);
        AxisPainter.SideAxis(canvas, barFrame, ticks, scale, grid: null, right: true);
        if (ColourBarLabel.Length > 0)
        {
            int labelLength = BitmapFont.MeasureWidth(ColourBarLabel, scale);
            int x = barRight + AxisPainter.TickLength + 2 * Gap + AxisPainter.LabelWidth(ticks, scale);
            canvas.DrawTextVertical(ColourBarLabel, x, (frame.Top + frame.Bottom - labelLength) / 2, Rgb.Black, scale);
        }
    }
}
