using Demix.Imaging.Drawing;

namespace Demix.Imaging.Plotting;

/// <summary>Draws one <see cref="LinePlot"/> into an area of a canvas: frame, grid, ticks, labels, curves, legend.</summary>
internal sealed class LinePlotRenderer(LinePlot plot, Canvas canvas)
{
    private static readonly Rgb GridColour = new(230, 230, 230);
    private static readonly Rgb AxisColour = new(60, 60, 60);
    private const int TickLength = 4;
    private const int Gap = 6;

    private int Scale => Math.Max(1, plot.TextScale);

    private int TextHeight => BitmapFont.CapHeight * Scale;

    public PlotFrame Draw(int left, int top, int width, int height, AxisTicks xTicks, AxisTicks yTicks)
    {
        int yLabelWidth = yTicks.Labels.Max(label => BitmapFont.MeasureWidth(label, Scale));
        int plotLeft = left + Gap + (plot.YLabel.Length > 0 ? TextHeight + 2 * Gap : 0) + yLabelWidth + Gap + TickLength;
        int plotTop = top + (plot.Title.Length > 0 ? 2 * TextHeight + 2 * Gap : 2 * Gap);
        int plotRight = left + width - 1 - Math.Max(2 * Gap, BitmapFont.MeasureWidth(xTicks.Labels[^1], Scale) / 2 + Gap);
        int plotBottom = top + height - 1 - (TickLength + Gap + TextHeight + Gap + (plot.XLabel.Length > 0 ? TextHeight + Gap : 0));
        if (plotRight - plotLeft < 10 || plotBottom - plotTop < 10)
        {
            throw new ArgumentException($"A {width}x{height} area is too small for this plot.", nameof(width));
        }
        var frame = new PlotFrame(plotLeft, plotTop, plotRight, plotBottom,
            new AxisScale(xTicks.Min, xTicks.Max, false, plotLeft, plotRight),
            new AxisScale(yTicks.Min, yTicks.Max, yTicks.Logarithmic, plotBottom, plotTop));
        DrawGridAndTicks(frame, xTicks, yTicks);
        foreach (LineSeries line in plot.Series) DrawSeries(frame, line);
        canvas.DrawRectangle(plotLeft, plotTop, plotRight - plotLeft + 1, plotBottom - plotTop + 1, AxisColour);
        DrawTitles(frame, left, top, width);
        if (plot.ShowLegend && plot.Series.Count > 0) DrawLegend(frame);
        return frame;
    }

    private void DrawGridAndTicks(PlotFrame frame, AxisTicks xTicks, AxisTicks yTicks)
    {
        for (int i = 0; i < xTicks.Values.Length; i++)
        {
            int x = (int)Math.Round(frame.X.ToPixel(xTicks.Values[i]));
            canvas.FillRectangle(x, frame.Top + 1, 1, frame.Bottom - frame.Top - 1, GridColour);
            canvas.FillRectangle(x, frame.Bottom + 1, 1, TickLength, AxisColour);
            string label = xTicks.Labels[i];
            canvas.DrawText(label, x - BitmapFont.MeasureWidth(label, Scale) / 2, frame.Bottom + TickLength + Gap, AxisColour, Scale);
        }
        for (int i = 0; i < yTicks.Values.Length; i++)
        {
            int y = (int)Math.Round(frame.Y.ToPixel(yTicks.Values[i]));
            canvas.FillRectangle(frame.Left + 1, y, frame.Right - frame.Left - 1, 1, GridColour);
            canvas.FillRectangle(frame.Left - TickLength, y, TickLength, 1, AxisColour);
            string label = yTicks.Labels[i];
            int labelWidth = BitmapFont.MeasureWidth(label, Scale);
            canvas.DrawText(label, frame.Left - TickLength - Gap - labelWidth, y - TextHeight / 2, AxisColour, Scale);
        }
    }

    private void DrawTitles(PlotFrame frame, int left, int top, int width)
    {
        if (plot.Title.Length > 0)
        {
            int titleWidth = BitmapFont.MeasureWidth(plot.Title, 2 * Scale);
            canvas.DrawText(plot.Title, left + (width - titleWidth) / 2, top + Gap, Rgb.Black, 2 * Scale);
        }
        if (plot.XLabel.Length > 0)
        {
            int labelWidth = BitmapFont.MeasureWidth(plot.XLabel, Scale);
            int y = frame.Bottom + TickLength + Gap + TextHeight + Gap + Gap / 2;
            canvas.DrawText(plot.XLabel, (frame.Left + frame.Right - labelWidth) / 2, y, Rgb.Black, Scale);
        }
        if (plot.YLabel.Length > 0)
        {
            int labelLength = BitmapFont.MeasureWidth(plot.YLabel, Scale);
            canvas.DrawTextVertical(plot.YLabel, left + Gap, (frame.Top + frame.Bottom - labelLength) / 2, Rgb.Black, Scale);
        }
    }

    /// <summary>Connects consecutive drawable points, clipped to the frame; a point with no drawable neighbour gets a small square.</summary>
    private void DrawSeries(PlotFrame frame, LineSeries line)
    {
        bool logY = frame.Y.Logarithmic;
        for (int i = 0; i < line.X.Length; i++)
        {
            if (!line.IsDrawable(i, logY)) continue;
            double x0 = frame.X.ToPixel(line.X[i]), y0 = frame.Y.ToPixel(line.Y[i]);
            bool hasNext = i + 1 < line.X.Length && line.IsDrawable(i + 1, logY);
            bool hasPrevious = i > 0 && line.IsDrawable(i - 1, logY);
            if (hasNext)
            {
                double x1 = frame.X.ToPixel(line.X[i + 1]), y1 = frame.Y.ToPixel(line.Y[i + 1]);
                if (SegmentClipper.Clip(ref x0, ref y0, ref x1, ref y1, frame.Left, frame.Top, frame.Right, frame.Bottom))
                {
                    canvas.DrawLine((int)Math.Round(x0), (int)Math.Round(y0), (int)Math.Round(x1), (int)Math.Round(y1), line.Colour, line.Thickness);
                }
            }
            else if (!hasPrevious && x0 >= frame.Left && x0 <= frame.Right && y0 >= frame.Top && y0 <= frame.Bottom)
            {
                int size = line.Thickness + 2;
                canvas.FillRectangle((int)Math.Round(x0) - size / 2, (int)Math.Round(y0) - size / 2, size, size, line.Colour);
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
        int boxLeft = frame.Right - Gap - boxWidth, boxTop = frame.Top + Gap;
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
