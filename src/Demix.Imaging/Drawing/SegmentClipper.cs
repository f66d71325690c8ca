namespace Demix.Imaging.Drawing;

/// <summary>Liang-Barsky clipping of a line segment to an axis-aligned rectangle.</summary>
internal static class SegmentClipper
{
    /// <summary>
    /// Shortens the segment (x0, y0)-(x1, y1) to the part inside [left, right] x [top, bottom];
    /// false when no part is inside.
    /// </summary>
    public static bool Clip(ref double x0, ref double y0, ref double x1, ref double y1,
        double left, double top, double right, double bottom)
    {
        double dx = x1 - x0, dy = y1 - y0;
        double enter = 0, leave = 1;
        // Each edge as p * t <= q: left, right, top, bottom.
        ReadOnlySpan<double> p = [-dx, dx, -dy, dy];
        ReadOnlySpan<double> q = [x0 - left, right - x0, y0 - top, bottom - y0];
        for (int edge = 0; edge < 4; edge++)
        {
            if (p[edge] == 0)
            {
                if (q[edge] < 0) return false;
                continue;
            }
            double t = q[edge] / p[edge];
            if (p[edge] < 0) enter = Math.Max(enter, t);
            else leave = Math.Min(leave, t);
            if (enter > leave) return false;
        }
        (double startX, double startY) = (x0 + enter * dx, y0 + enter * dy);
        (x1, y1) = (x0 + leave * dx, y0 + leave * dy);
        (x0, y0) = (startX, startY);
        return true;
    }
}
