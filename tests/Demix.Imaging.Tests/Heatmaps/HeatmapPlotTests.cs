using Demix.Imaging.Colour;
using Demix.Imaging.Drawing;
using Demix.Imaging.Heatmaps;
using Demix.Imaging.Plotting;

namespace Demix.Imaging.Tests.Heatmaps;

public sealed class HeatmapPlotTests
{
    [Fact]
    public void Render_QuadrantsLandInTheirCornersAndTheBarRunsUp()
    {
        // [2, 2] matrix: row 0 (bottom) = 0 dB on the left, -80 on the right; row 1 (top) = -40, -20.
        float[] values = [0, -80, -40, -20];
        var plot = new HeatmapPlot
        {
            Title = "test", XEnd = 2, YEnd = 8000,
            Options = new HeatmapOptions { MinValue = -80, MaxValue = 0, ColourMap = ColourMap.Viridis },
        };
        var canvas = new Canvas(500, 300);
        PlotFrame frame = plot.Draw(canvas, values, 2, 2, 0, 0, 500, 300);
        Rgb At(double x, double y) => canvas.GetPixel((int)Math.Round(frame.X.ToPixel(x)), (int)Math.Round(frame.Y.ToPixel(y)));
        Assert.Equal(ColourMap.Viridis[255], At(0.5, 2000));
        Assert.Equal(ColourMap.Viridis[0], At(1.5, 2000));
        Assert.Equal(ColourMap.Viridis[128], At(0.5, 6000));
        Assert.Equal(ColourMap.Viridis[191], At(1.5, 6000));
        // The colour bar sits right of the frame: lowest colour at the bottom, highest at the top.
        int barX = Enumerable.Range(frame.Right + 1, canvas.Width - frame.Right - 1)
            .First(x => canvas.GetPixel(x, frame.Top + 1) == ColourMap.Viridis[255]);
        Assert.Equal(ColourMap.Viridis[0], canvas.GetPixel(barX, frame.Bottom - 1));
    }

    [Fact]
    public void Render_CustomYTicks_AreUsed()
    {
        var plot = new HeatmapPlot { YEnd = 100, YTicks = [(25.0, "500"), (75.0, "4k")], ShowColourBar = false };
        Canvas canvas = plot.Render(new float[4], 2, 2, 300, 200);
        Assert.Equal(300, canvas.Width);
        Assert.Throws<ArgumentException>(() => plot.Render(new float[4], 2, 2, 40, 30));
    }
}
