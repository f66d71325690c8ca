using Demix.Imaging.Drawing;
using Demix.Imaging.Png;

namespace Demix.Imaging.Tests.Drawing;

public sealed class CanvasTests
{
    private static readonly Rgb Red = new(255, 0, 0);

    private static List<(int X, int Y)> Inked(Canvas canvas, Rgb colour)
    {
        var points = new List<(int, int)>();
        for (int y = 0; y < canvas.Height; y++)
        {
            for (int x = 0; x < canvas.Width; x++) if (canvas.GetPixel(x, y) == colour) points.Add((x, y));
        }
        return points;
    }

    [Theory]
    [InlineData(2, 3, 17, 3)]
    [InlineData(5, 1, 5, 12)]
    [InlineData(1, 1, 12, 12)]
    [InlineData(18, 2, 3, 9)]
    [InlineData(4, 13, 9, 0)]
    public void DrawLine_OnePixelPerMajorStep_EndsIncluded(int x0, int y0, int x1, int y1)
    {
        var canvas = new Canvas(20, 15);
        canvas.DrawLine(x0, y0, x1, y1, Red);
        List<(int X, int Y)> points = Inked(canvas, Red);
        Assert.Equal(Math.Max(Math.Abs(x1 - x0), Math.Abs(y1 - y0)) + 1, points.Count);
        Assert.Contains((x0, y0), points);
        Assert.Contains((x1, y1), points);
        foreach ((int x, int y) in points)
        {
            // Every pixel lies within half a pixel of the ideal line (distance measured along the minor axis).
            double t = Math.Abs(x1 - x0) >= Math.Abs(y1 - y0) ? (x - x0) / (double)(x1 - x0) : (y - y0) / (double)(y1 - y0);
            double idealX = x0 + t * (x1 - x0), idealY = y0 + t * (y1 - y0);
            Assert.True(Math.Abs(idealX - x) <= 0.5 + 1e-9 && Math.Abs(idealY - y) <= 0.5 + 1e-9, $"({x}, {y}) is off the line");
        }
    }

    [Fact]
    public void Drawing_OffCanvas_IsClippedWithoutError()
    {
        var canvas = new Canvas(10, 10);
        canvas.DrawLine(-50, -50, 60, 60, Red, thickness: 3);
        canvas.FillRectangle(-5, 8, 100, 100, Red);
        canvas.DrawText("clipped", 7, -3, Red, 2);
        Assert.Equal(Red, canvas.GetPixel(0, 9));
        Assert.Equal(Red, canvas.GetPixel(5, 5));
    }

    [Fact]
    public void DrawLine_FarAwayEnds_IsClippedQuicklyAndStaysOnTheLine()
    {
        var canvas = new Canvas(50, 40);
        canvas.DrawLine(-1_000_000_000, 20, 1_000_000_000, 20, Red);
        Assert.Equal(50, Inked(canvas, Red).Count);
        Assert.All(Inked(canvas, Red), p => Assert.Equal(20, p.Y));
        canvas.DrawLine(int.MinValue / 2, int.MinValue / 2, -10, -10, Red); // entirely outside: nothing drawn
        Assert.Equal(50, Inked(canvas, Red).Count);
    }

    [Fact]
    public void FillAndOutline_CoverExactlyTheRectangle()
    {
        var canvas = new Canvas(12, 10);
        canvas.FillRectangle(2, 3, 4, 5, Red);
        Assert.Equal(20, Inked(canvas, Red).Count);
        var outline = new Canvas(12, 10);
        outline.DrawRectangle(2, 3, 4, 5, Red);
        Assert.Equal(2 * 4 + 2 * 3, Inked(outline, Red).Count);
        Assert.Equal(Rgb.White, outline.GetPixel(3, 4));
    }

    [Fact]
    public void DrawText_ScaleTwo_HasFourTimesTheInkAndMatchesTheFont()
    {
        var small = new Canvas(80, 20);
        small.DrawText("Hz 42", 1, 1, Red);
        var large = new Canvas(80, 30);
        large.DrawText("Hz 42", 1, 1, Red, scale: 2);
        int fontInk = "Hz 42".Sum(c => Enumerable.Range(0, 40).Count(i => BitmapFont.IsInk(c, i % 5, i / 5)));
        Assert.Equal(fontInk, Inked(small, Red).Count);
        Assert.Equal(4 * fontInk, Inked(large, Red).Count);
        Assert.True(BitmapFont.IsInk('H', 0, 0) && !BitmapFont.IsInk('H', 1, 0));
        Assert.Equal(Red, small.GetPixel(1, 1)); // top-left of 'H'
    }

    [Fact]
    public void DrawTextVertical_IsTheHorizontalTextTurnedAnticlockwise()
    {
        const string text = "SDR (dB)";
        int length = BitmapFont.MeasureWidth(text);
        var horizontal = new Canvas(length, BitmapFont.GlyphHeight);
        horizontal.DrawText(text, 0, 0, Red);
        var vertical = new Canvas(BitmapFont.GlyphHeight, length);
        vertical.DrawTextVertical(text, 0, 0, Red);
        for (int y = 0; y < BitmapFont.GlyphHeight; y++)
        {
            for (int x = 0; x < length; x++)
            {
                // Turning anticlockwise sends (x, y) to (y, length - 1 - x).
                Assert.Equal(horizontal.GetPixel(x, y), vertical.GetPixel(y, length - 1 - x));
            }
        }
    }

    [Fact]
    public void Blit_ConvertsGreyAndBlendsAlpha()
    {
        var canvas = new Canvas(4, 1, new Rgb(100, 100, 100));
        canvas.Blit(new PixelImage(1, 1, PixelFormat.Grey8, [30]), 0, 0);
        canvas.Blit(new PixelImage(3, 1, PixelFormat.Rgba8, [200, 0, 0, 0, 0, 200, 0, 255, 0, 0, 200, 128]), 1, 0);
        Assert.Equal(new Rgb(30, 30, 30), canvas.GetPixel(0, 0));
        Assert.Equal(new Rgb(100, 100, 100), canvas.GetPixel(1, 0)); // alpha 0
        Assert.Equal(new Rgb(0, 200, 0), canvas.GetPixel(2, 0));     // alpha 255
        Assert.Equal(new Rgb(50, 50, 150), canvas.GetPixel(3, 0));   // alpha 128/255 = 0.502
        canvas.Blit(new PixelImage(3, 3, PixelFormat.Rgb8), 3, -1);  // partly outside: clipped
        Assert.Equal(Rgb.Black, canvas.GetPixel(3, 0));
    }

    [Fact]
    public void SavePng_WritesTheCanvasPixels()
    {
        var canvas = new Canvas(9, 7);
        canvas.DrawLine(0, 0, 8, 6, Red);
        string path = Path.Combine(Path.GetTempPath(), $"demix-canvas-{Environment.ProcessId}.png");
        try
        {
            canvas.SavePng(path);
            PixelImage image = PngDecoder.Load(path);
            Assert.Equal(canvas.Image.Data, image.Data);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
