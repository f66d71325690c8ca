namespace Demix.Imaging.Plotting;

/// <summary>Puts the legend in the corner of the plot that hides the fewest curve pixels.</summary>
internal static class LegendPlacement
{
    /// <summary>
    /// The top-left pixel of a <paramref name="boxWidth"/> x <paramref name="boxHeight"/> legend: the
    /// corner (tried top-right, top-left, bottom-right, bottom-left) covering the fewest points sampled
    /// every few pixels along the curves.
    /// </summary>
    public static (int Left, int Top) Choose(PlotFrame frame, int boxWidth, int boxHeight, IReadOnlyList<LineSeries> series, int gap)
    {
        (int Left, int Top)[] corners =
        [
            (frame.Right - gap - boxWidth, frame.Top + gap),
            (frame.Left + gap, frame.Top + gap),
            (frame.Right - gap - boxWidth, frame.Bottom - gap - boxHeight),
            (frame.Left + gap, frame.Bottom - gap - boxHeight),
        ];
        var covered = new int[corners.Length];
        foreach ((double x, double y) in SamplePoints(frame, series))
        {
            for (int c = 0; c < corners.Length; c++)
            {
                if (x >= corners[c].Left - 2 && x <= corners[c].Left + boxWidth + 2 && y >= corners[c].Top - 2 && y <= corners[c].Top + boxHeight + 2) covered[c]++;
            }
        }
        int best = 0;
        for (int c = 1; c < corners.Length; c++) if (covered[c] < covered[best]) best = c;
        return corners[best];
    }

    /// <summary>Pixel positions of every drawable point and of points about every 3 pixels along each segment.</summary>
    private static IEnumerable<(double X, double Y)> SamplePoints(PlotFrame frame, IReadOnlyList<LineSeries> series)
    {
        bool logY = frame.Y.Logarithmic;
        foreach (LineSeries line in series)
        {
            for (int i = 0; i < line.X.Length; i++)
            {
                if (!line.IsDrawable(i, logY)) continue;
                double x0 = frame.X.ToPixel(line.X[i]), y0 = frame.Y.ToPixel(line.Y[i]);
                yield return (x0, y0);
                if (i + 1 >= line.X.Length || !line.IsDrawable(i + 1, logY)) continue;
                double x1 = frame.X.ToPixel(line.X[i + 1]), y1 = frame.Y.ToPixel(line.Y[i + 1]);
                int steps = (int)Math.Min(1000, Math.Max(Math.Abs(x1 - x0), Math.Abs(y1 - y0)) / 3);
                for (int k = 1; k < steps; k++) yield return (x0 + (x1 - x0) * k / steps, y0 + (y1 - y0) * k / steps);
            }
        }
    }
}
