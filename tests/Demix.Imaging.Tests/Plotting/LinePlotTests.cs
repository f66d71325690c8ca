using Demix.Imaging.Drawing;
using Demix.Imaging.Plotting;

namespace Demix.Imaging.Tests.Plotting;

public sealed class LinePlotTests
{
    private static readonly Rgb Ink = new(200, 20, 20);

    private static bool InkNear(Canvas canvas, double x, double y, int radius = 1)
    {
        for (int dy = -radius; dy <= radius; dy++)
        {
            for (int dx = -radius; dx <= radius; dx++)
            {
                int px = (int)Math.Round(x) + dx, py = (int)Math.Round(y) + dy;
                if (px >= 0 && py >= 0 && px < canvas.Width && py < canvas.Height && canvas.GetPixel(px, py) == Ink) return true;
            }
        }
        return false;
    }

    [Fact]
    public void Draw_FixedLimits_MapsCornersToTheFrame()
    {
        var plot = new LinePlot { XMin = 0, XMax = 10, YMin = -1, YMax = 1, ShowLegend = false };
        plot.AddSeries("line", [0.0, 10], [0.0, 0], Ink);
        PlotFrame frame = plot.Draw(new Canvas(400, 300), 0, 0, 400, 300);
        Assert.Equal(frame.Left, frame.X.ToPixel(0), 9);
        Assert.Equal(frame.Right, frame.X.ToPixel(10), 9);
        Assert.Equal(frame.Bottom, frame.Y.ToPixel(-1), 9);
        Assert.Equal(frame.Top, frame.Y.ToPixel(1), 9);
        Assert.InRange(frame.Left, 10, 100);
        Assert.InRange(frame.Right, 300, 399);
    }

    [Fact]
    public void Render_KnownLine_PutsItsPixelsWhereTheAxesSay()
    {
        var plot = new LinePlot { Title = "y = 2x", XLabel = "x", YLabel = "y", XMin = 0, XMax = 10, YMin = 0, YMax = 20, ShowLegend = false };
        plot.AddSeries("2x", [0.0, 10], [0.0, 20], Ink, thickness: 1);
        var canvas = new Canvas(400, 300);
        PlotFrame frame = plot.Draw(canvas, 0, 0, 400, 300);
        for (double x = 0; x <= 10; x += 0.25)
        {
            double px = frame.X.ToPixel(x), py = frame.Y.ToPixel(2 * x);
            Assert.True(InkNear(canvas, px, py, radius: 0) || InkNear(canvas, px, py), $"no ink at data ({x}, {2 * x})");
        }
        // Nothing of the line far from y = 2x (the point (2, 15) is about 30 pixels away).
        Assert.False(InkNear(canvas, frame.X.ToPixel(2), frame.Y.ToPixel(15), radius: 3));
        int inked = 0;
        for (int y = 0; y < canvas.Height; y++) for (int x = 0; x < canvas.Width; x++) if (canvas.GetPixel(x, y) == Ink) inked++;
        double lineLengthPixels = Math.Max(frame.Right - frame.Left, frame.Bottom - frame.Top) + 1;
        Assert.Equal(lineLengthPixels, inked, 2.0);
    }

    [Fact]
    public void Render_NaNInTheMiddle_LeavesAGap()
    {
        double[] y = [.. Enumerable.Repeat(5.0, 11)];
        y[5] = double.NaN;
        var plot = new LinePlot { YMin = 0, YMax = 10, ShowLegend = false };
        plot.AddSeries("flat", y, Ink);
        var canvas = new Canvas(300, 200);
        PlotFrame frame = plot.Draw(canvas, 0, 0, 300, 200);
        double row = frame.Y.ToPixel(5);
        Assert.True(InkNear(canvas, frame.X.ToPixel(2), row));
        Assert.True(InkNear(canvas, frame.X.ToPixel(8), row));
        Assert.False(InkNear(canvas, frame.X.ToPixel(5), row, radius: 2));
        Assert.False(InkNear(canvas, frame.X.ToPixel(4.5), row, radius: 2));
    }

    [Fact]
    public void Render_LogY_ExponentialIsAStraightLine()
    {
        double[] x = [0, 1, 2, 3];
        double[] y = [1, 10, 100, 1000];
        var plot = new LinePlot { LogY = true, ShowLegend = false };
        plot.AddSeries("10^x", x, y, Ink, thickness: 1);
        var canvas = new Canvas(400, 300);
        PlotFrame frame = plot.Draw(canvas, 0, 0, 400, 300);
        Assert.True(frame.Y.Logarithmic);
        Assert.True(frame.Y.Min < 1 && frame.Y.Max > 1000);
        for (double t = 0; t <= 3; t += 0.1)
        {
            Assert.True(InkNear(canvas, frame.X.ToPixel(t), frame.Y.ToPixel(Math.Pow(10, t))), $"no ink at x = {t}");
        }
        double step = frame.Y.ToPixel(10) - frame.Y.ToPixel(1);
        Assert.Equal(step, frame.Y.ToPixel(1000) - frame.Y.ToPixel(100), 9);
    }

    [Fact]
    public void Draw_AutomaticRange_CoversFiniteDataAndIgnoresNaNAndInfinity()
    {
        var plot = new LinePlot();
        plot.AddSeries("a", [0.0, 1, 2, 3], [0.3, double.NaN, 7.2, double.PositiveInfinity]);
        plot.AddSeries("b", [double.NaN, 1.5f], [100f, -1.1f]);
        PlotFrame frame = plot.Draw(new Canvas(400, 300), 0, 0, 400, 300);
        Assert.Equal(0, frame.X.Min);
        Assert.Equal(2, frame.X.Max); // x = 3 has an infinite y, so it is not drawn
        Assert.True(frame.Y.Min <= -1.1 && frame.Y.Min > -5, $"y min {frame.Y.Min}");
        Assert.True(frame.Y.Max >= 7.2 && frame.Y.Max < 12, $"y max {frame.Y.Max}");
    }

    [Fact]
    public void Legend_DrawsEachSeriesSwatchInTheTopRight()
    {
        var plot = new LinePlot { XMin = 0, XMax = 1, YMin = 0, YMax = 1 };
        plot.AddSeries("train", [0.0], [0.0], Ink);
        plot.AddSeries("valid", [0.0], [0.0], new Rgb(20, 20, 200));
        var canvas = new Canvas(400, 300);
        PlotFrame frame = plot.Draw(canvas, 0, 0, 400, 300);
        int middleX = (frame.Left + frame.Right) / 2, middleY = (frame.Top + frame.Bottom) / 2;
        bool Found(Rgb colour) => Enumerable.Range(frame.Top, middleY - frame.Top)
            .Any(y => Enumerable.Range(middleX, frame.Right - middleX).Any(x => canvas.GetPixel(x, y) == colour));
        Assert.True(Found(Ink));
        Assert.True(Found(new Rgb(20, 20, 200)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Render_DegenerateData_StillDrawsAxes(bool logY)
    {
        var empty = new LinePlot { LogY = logY, Title = "no data yet" };
        Assert.Equal(400, empty.Render(400, 300).Width);
        var allNaN = new LinePlot { LogY = logY };
        allNaN.AddSeries("loss", [double.NaN, double.NaN]);
        allNaN.Render(400, 300);
        var single = new LinePlot { LogY = logY, ShowLegend = false };
        single.AddSeries("first validation", [100.0], [0.3], Ink);
        var canvas = new Canvas(400, 300);
        PlotFrame frame = single.Draw(canvas, 0, 0, 400, 300);
        Assert.True(frame.X.Min < 100 && frame.X.Max > 100 && frame.Y.Min < 0.3 && frame.Y.Max > 0.3);
        Assert.True(InkNear(canvas, frame.X.ToPixel(100), frame.Y.ToPixel(0.3)), "a lone point is marked");
    }

    [Fact]
    public void AddSeries_MismatchedLengths_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new LinePlot().AddSeries("loss", [1.0, 2], [1.0]));
        Assert.Contains("loss", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Figure_Stack_DrawsEachPanelInItsBand()
    {
        var top = new LinePlot { Title = "top", ShowLegend = false };
        top.AddSeries("a", [1.0, 2, 3], Ink);
        var bottom = new LinePlot { Title = "bottom", ShowLegend = false };
        bottom.AddSeries("b", [3.0, 2, 1], Ink);
        Canvas canvas = Figure.Stack(320, 200, top, bottom);
        Assert.Equal(400, canvas.Height);
        Assert.Contains(Enumerable.Range(0, 200), y => Enumerable.Range(0, 320).Any(x => canvas.GetPixel(x, y) == Ink));
        Assert.Contains(Enumerable.Range(200, 200), y => Enumerable.Range(0, 320).Any(x => canvas.GetPixel(x, y) == Ink));
    }

    [Fact]
    public void Legend_MovesAwayFromACurveInTheTopRight()
    {
        var plot = new LinePlot { XMin = 0, XMax = 10, YMin = 0, YMax = 10 };
        plot.AddSeries("rising", [0.0, 10], [0.0, 10], Ink); // runs through the top-right and bottom-left corners
        var canvas = new Canvas(400, 300);
        PlotFrame frame = plot.Draw(canvas, 0, 0, 400, 300);
        // The legend box (white with a grey border) is drawn over the top-left corner instead.
        var border = new Rgb(180, 180, 180);
        bool BorderIn(int fromX, int toX, int fromY, int toY) =>
            Enumerable.Range(fromY, toY - fromY).Any(y => Enumerable.Range(fromX, toX - fromX).Any(x => canvas.GetPixel(x, y) == border));
        int middleX = (frame.Left + frame.Right) / 2, middleY = (frame.Top + frame.Bottom) / 2;
        Assert.True(BorderIn(frame.Left, middleX, frame.Top, middleY));
        Assert.False(BorderIn(middleX, frame.Right, frame.Top, middleY));
    }

    [Fact]
    public void Markers_AreDrawnAtEveryPoint()
    {
        var plot = new LinePlot { XMin = 0, XMax = 4, YMin = 0, YMax = 4, ShowLegend = false };
        plot.AddSeries("sdr", [1.0, 3], [1.0, 3], Ink, thickness: 1, markerSize: 7);
        var canvas = new Canvas(300, 300);
        PlotFrame frame = plot.Draw(canvas, 0, 0, 300, 300);
        foreach (double value in new[] { 1.0, 3.0 })
        {
            // 3 pixels right of and below the point: off the rising line, inside the 7-pixel marker.
            Assert.Equal(Ink, canvas.GetPixel((int)Math.Round(frame.X.ToPixel(value)) + 3, (int)Math.Round(frame.Y.ToPixel(value)) + 3));
        }
    }
}
