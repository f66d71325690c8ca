using Demix.Imaging.Drawing;

namespace Demix.Imaging.Plotting;

/// <summary>Several plots in one image, stacked top to bottom (e.g. loss above validation SDR).</summary>
public static class Figure
{
    /// <summary>Draws each plot in its own <paramref name="width"/> x <paramref name="panelHeight"/> band.</summary>
    public static Canvas Stack(int width, int panelHeight, params LinePlot[] panels)
    {
        if (panels.Length == 0) throw new ArgumentException("A figure needs at least one plot.", nameof(panels));
        var canvas = new Canvas(width, panelHeight * panels.Length);
        for (int i = 0; i < panels.Length; i++) panels[i].Draw(canvas, 0, i * panelHeight, width, panelHeight);
        return canvas;
    }
}
