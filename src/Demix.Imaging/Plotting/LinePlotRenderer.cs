using Demix.Imaging.Drawing;

namespace Demix.Imaging.Plotting;

/// <summary>Draws one <see cref="LinePlot"/> into an area of a canvas: frame, grid, ticks, labels, curves, legend.</summary>
internal sealed class LinePlotRenderer(LinePlot plot, Canvas canvas)
{
    private const int Gap = AxisPainter.Gap;

    private int Scale => Math.Max(1, plot.TextScale);

    private int TextHeight => BitmapFont.CapHeight * Scale;

    public PlotFrame Draw(int left, int top, int width, int height, AxisTicks xTicks, AxisTicks yTicks)
    {
        int plotLeft = left + AxisPainter.LeftMargin(Scale, AxisPainter.LabelWidth(yTicks, Scale), plot.YLabel.Length > 0);
        int plotTop = top + AxisPainter.TopMargin(Scale, plot.Title.Length > 0);
        int plotRight = left + width - 1 - Math.Max(2 * Gap, BitmapFont.MeasureWidth(xTicks.Labels[^1], Scale) / 2 + Gap);
        int plotBottom = top + height - 1 - AxisPainter.BottomMargin(Scale, plot.XLabel.Length > 0);
        if (plotRight - plotLeft < 10 || plotBottom - plotTop < 10)
        {
            throw new ArgumentException($"A {width}x{height} area is too small for this plot.", nameof(width));
        }
        var frame = new PlotFrame(plotLeft, plotTop, plotRight, plotBottom,
            new AxisScale(xTicks.Min, xTicks.Max, false, plotLeft, plotRight),
            new AxisScale(yTicks.Min, yTicks.Max, yTicks.Logarithmic, plotBottom, plotTop));
        AxisPainter.BottomAxis(canvas, frame, xTicks, Scale, AxisPainter.GridColour);
        AxisPainter.SideAxis(canvas, frame, yTicks, Scale, AxisPainter.GridColour);
        foreach (LineSeries line in plot.Series) DrawSeries(frame, line);
        canvas.DrawRectangle(plotLeft, plotTop, plotRight - plotLeft + 1, plotBottom - plotTop + 1, AxisPainter.AxisColour);
        AxisPainter.Titles(canvas, frame, left, top, width, Scale, plot.Title, plot.XLabel, plot.YLabel);
        if (plot.ShowLegend && plot.Series.Count > 0) DrawLegend(frame);
        return frame;
    }

    /// <summary>
    /// Connects consecutive drawable points, clipped to the frame; marks points when the series asks
    /// for markers, and always marks a point with no drawable neighbour (it would be invisible otherwise).
    /// </summary>
    private void DrawSeries(PlotFrame frame, LineSeries line)
    {
        bool logY = frame.Y.Logarithmic;
        for (int i = 0; i < line.X.Length; i++)
        {
            if (!line.IsDrawable(i, logY)) continue;
            double pointX = frame.X.ToPixel(line.X[i]), pointY = frame.Y.ToPixel(line.Y[i]);
            bool hasNext = i + 1 < line.X.Length && line.IsDrawable(i + 1, logY);
            bool hasPrevious = i > 0 && line.IsDrawable(i - 1, logY);
            if (hasNext)
            {
                double x0 = pointX, y0 = pointY;
                double x1 = frame.X.ToPixel(line.X[i + 1]), y1 = frame.Y.ToPixel(line.Y[i + 1]);
                if (SegmentClipper.Clip(ref x0, ref y0, ref x1, ref y1, frame.Left, frame.Top, frame.Right, frame.Bottom))
                {
                    canvas.DrawLine((int)Math.Round(x0), (int)Math.Round(y0), (int)Math.Round(x1), (int)Math.Round(y1), line.Colour, line.Thickness);
                }
            }
            int markerSize = line.MarkerSize > 0 ? line.MarkerSize : !hasNext && !hasPrevious ? line.Thickness + 2 : 0;
            if (markerSize > 0 && pointX >= frame.Left && pointX <= frame.Right && pointY >= frame.Top && pointY <= frame.Bottom)
            {
                canvas.FillRectangle((int)Math.Round(pointX) - markerSize / 2, (int)Math.Round(pointY) - markerSize / 2, markerSize, markerSize, line.Colour);
            }
        }
    }

    private void DrawLegend(PlotFrame frame)
    {
        const int swatchLength = 18;
        int rowHeight = TextHeight + Gap;
        int textWidth = plot.Series.Max(line => BitmapFont.MeasureWidth(line.Name, Scale));
        int boxWidth = Gap + swatchLength + Gap + textWidth + Gap;
        int boxHeight = plot.Series.Count * rowHeight + Gap;
        (int boxLeft, int boxTop) = LegendPlacement.Choose(frame, boxWidth, boxHeight, plot.Series, Gap);
        canvas.FillRectangle(boxLeft, boxTop, boxWidth, boxHeight, Rgb.White);
        canvas.DrawRectangle(boxLeft, boxTop, boxWidth, boxHeight, new Rgb(180, 180, 180));
        for (int i = 0; i < plot.Series.Count; i++)
        {
            LineSeries line = plot.Series[i];
            int rowTop = boxTop + Gap + i * rowHeight;
            int middle = rowTop + TextHeight / 2;
            canvas.DrawLine(boxLeft + Gap, middle, boxLeft + Gap + swatchLength, middle, line.Colour, line.Thickness);
            canvas.DrawText(line.Name, boxLeft + 2 * Gap + swatchLength, rowTop, Rgb.Black, Scale);
        }
    }
}
