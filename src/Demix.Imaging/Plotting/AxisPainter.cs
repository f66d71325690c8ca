using Demix.Imaging.Drawing;

namespace Demix.Imaging.Plotting;

/// <summary>Draws tick marks, tick labels and optional grid lines along the edges of a <see cref="PlotFrame"/>.</summary>
internal static class AxisPainter
{
    public static readonly Rgb AxisColour = new(60, 60, 60);
    public static readonly Rgb GridColour = new(230, 230, 230);
    public const int TickLength = 4;
    public const int Gap = 6;

    /// <summary>Widest tick label in pixels.</summary>
    public static int LabelWidth(AxisTicks ticks, int scale) =>
        ticks.Labels.Length == 0 ? 0 : ticks.Labels.Max(label => BitmapFont.MeasureWidth(label, scale));

    /// <summary>Ticks below the bottom edge, labels centred under them; grid lines up the frame when <paramref name="grid"/> is set.</summary>
    public static void BottomAxis(Canvas canvas, PlotFrame frame, AxisTicks ticks, int scale, Rgb? grid)
    {
        for (int i = 0; i < ticks.Values.Length; i++)
        {
            int x = (int)Math.Round(frame.X.ToPixel(ticks.Values[i]));
            if (grid is Rgb gridColour) canvas.FillRectangle(x, frame.Top + 1, 1, frame.Bottom - frame.Top - 1, gridColour);
            canvas.FillRectangle(x, frame.Bottom + 1, 1, TickLength, AxisColour);
            string label = ticks.Labels[i];
            canvas.DrawText(label, x - BitmapFont.MeasureWidth(label, scale) / 2, frame.Bottom + TickLength + Gap, AxisColour, scale);
        }
    }

    /// <summary>Ticks outside the left (or right) edge with labels beside them, centred on the tick.</summary>
    public static void SideAxis(Canvas canvas, PlotFrame frame, AxisTicks ticks, int scale, Rgb? grid, bool right = false)
    {
        int textHeight = BitmapFont.CapHeight * scale;
        for (int i = 0; i < ticks.Values.Length; i++)
        {
            int y = (int)Math.Round(frame.Y.ToPixel(ticks.Values[i]));
            if (grid is Rgb gridColour) canvas.FillRectangle(frame.Left + 1, y, frame.Right - frame.Left - 1, 1, gridColour);
            string label = ticks.Labels[i];
            if (right)
            {
                canvas.FillRectangle(frame.Right + 1, y, TickLength, 1, AxisColour);
                canvas.DrawText(label, frame.Right + TickLength + Gap, y - textHeight / 2, AxisColour, scale);
            }
            else
            {
                canvas.FillRectangle(frame.Left - TickLength, y, TickLength, 1, AxisColour);
                int labelWidth = BitmapFont.MeasureWidth(label, scale);
                canvas.DrawText(label, frame.Left - TickLength - Gap - labelWidth, y - textHeight / 2, AxisColour, scale);
            }
        }
    }

    /// <summary>The title centred above the area, the x label under the tick labels, the y label turned along the left side.</summary>
    public static void Titles(Canvas canvas, PlotFrame frame, int left, int top, int width, int scale, string title, string xLabel, string yLabel)
    {
        int textHeight = BitmapFont.CapHeight * scale;
        if (title.Length > 0)
        {
            int titleWidth = BitmapFont.MeasureWidth(title, 2 * scale);
            canvas.DrawText(title, left + (width - titleWidth) / 2, top + Gap, Rgb.Black, 2 * scale);
        }
        if (xLabel.Length > 0)
        {
            int labelWidth = BitmapFont.MeasureWidth(xLabel, scale);
            int y = frame.Bottom + TickLength + Gap + textHeight + Gap + Gap / 2;
            canvas.DrawText(xLabel, (frame.Left + frame.Right - labelWidth) / 2, y, Rgb.Black, scale);
        }
        if (yLabel.Length > 0)
        {
            int labelLength = BitmapFont.MeasureWidth(yLabel, scale);
            canvas.DrawTextVertical(yLabel, left + Gap, (frame.Top + frame.Bottom - labelLength) / 2, Rgb.Black, scale);
        }
    }

    /// <summary>Pixels needed below the frame for tick labels and an optional x label.</summary>
    public static int BottomMargin(int scale, bool hasXLabel) =>
        TickLength + Gap + BitmapFont.CapHeight * scale + Gap + (hasXLabel ? BitmapFont.CapHeight * scale + Gap : 0);

    /// <summary>Pixels needed left of the frame for tick labels of <paramref name="labelWidth"/> and an optional y label.</summary>
    public static int LeftMargin(int scale, int labelWidth, bool hasYLabel) =>
        Gap + (hasYLabel ? BitmapFont.CapHeight * scale + 2 * Gap : 0) + labelWidth + Gap + TickLength;

    /// <summary>Pixels needed above the frame for an optional title.</summary>
    public static int TopMargin(int scale, bool hasTitle) => hasTitle ? 2 * BitmapFont.CapHeight * scale + 2 * Gap : 2 * Gap;
}
