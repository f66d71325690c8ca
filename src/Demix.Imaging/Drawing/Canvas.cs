using System.IO.Compression;
using Demix.Imaging.Png;

namespace Demix.Imaging.Drawing;

/// <summary>
/// An RGB8 raster to draw on: pixels, lines, rectangles, bitmap text, image blits. (0, 0) is the
/// top-left pixel; every operation clips to the canvas, so off-canvas drawing is harmless.
/// </summary>
public sealed class Canvas
{
    private readonly byte[] pixels;

    /// <summary>A canvas filled with <paramref name="background"/> (white when omitted).</summary>
    public Canvas(int width, int height, Rgb? background = null)
    {
        Image = new PixelImage(width, height, PixelFormat.Rgb8);
        pixels = Image.Data;
        Fill(background ?? Rgb.White);
    }

    public int Width => Image.Width;

    public int Height => Image.Height;

    /// <summary>The pixels drawn so far (shared, not a copy).</summary>
    public PixelImage Image { get; }

    public void Fill(Rgb colour) => FillRectangle(0, 0, Width, Height, colour);

    public void SetPixel(int x, int y, Rgb colour)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height) return;
        int offset = 3 * (y * Width + x);
        pixels[offset] = colour.R;
        pixels[offset + 1] = colour.G;
        pixels[offset + 2] = colour.B;
    }

    public Rgb GetPixel(int x, int y)
    {
        int offset = 3 * (y * Width + x);
        return new Rgb(pixels[offset], pixels[offset + 1], pixels[offset + 2]);
    }

    /// <summary>Fills the rectangle of <paramref name="width"/> x <paramref name="height"/> pixels whose top-left is (x, y).</summary>
    public void FillRectangle(int x, int y, int width, int height, Rgb colour)
    {
        int left = Math.Max(0, x), top = Math.Max(0, y);
        int right = Math.Min(Width, x + width), bottom = Math.Min(Height, y + height);
        if (left >= right) return;
        for (int row = top; row < bottom; row++)
        {
            Span<byte> span = pixels.AsSpan(3 * (row * Width + left), 3 * (right - left));
            for (int i = 0; i < span.Length; i += 3)
            {
                span[i] = colour.R;
                span[i + 1] = colour.G;
                span[i + 2] = colour.B;
            }
        }
    }

    /// <summary>Draws the one-pixel outline of a rectangle (its edges lie inside the given area).</summary>
    public void DrawRectangle(int x, int y, int width, int height, Rgb colour)
    {
        FillRectangle(x, y, width, 1, colour);
        FillRectangle(x, y + height - 1, width, 1, colour);
        FillRectangle(x, y, 1, height, colour);
        FillRectangle(x + width - 1, y, 1, height, colour);
    }

    /// <summary>
    /// Draws a line from (x0, y0) to (x1, y1), both ends included (Bresenham); a
    /// <paramref name="thickness"/> above 1 stamps a square of that side centred on each point.
    /// Far-away ends are first clipped to the canvas, so the cost stays bounded by the canvas size.
    /// </summary>
    public void DrawLine(int x0, int y0, int x1, int y1, Rgb colour, int thickness = 1)
    {
        int margin = thickness;
        if (Math.Min(x0, x1) < -margin || Math.Max(x0, x1) > Width + margin || Math.Min(y0, y1) < -margin || Math.Max(y0, y1) > Height + margin)
        {
            double startX = x0, startY = y0, endX = x1, endY = y1;
            if (!SegmentClipper.Clip(ref startX, ref startY, ref endX, ref endY, -margin, -margin, Width + margin, Height + margin)) return;
            (x0, y0, x1, y1) = ((int)Math.Round(startX), (int)Math.Round(startY), (int)Math.Round(endX), (int)Math.Round(endY));
        }
        DrawClippedLine(x0, y0, x1, y1, colour, thickness);
    }

    private void DrawClippedLine(int x0, int y0, int x1, int y1, Rgb colour, int thickness)
    {
        int dx = Math.Abs(x1 - x0), dy = -Math.Abs(y1 - y0);
        int stepX = x0 < x1 ? 1 : -1, stepY = y0 < y1 ? 1 : -1;
        int error = dx + dy;
        int offset = (thickness - 1) / 2;
        while (true)
        {
            if (thickness <= 1) SetPixel(x0, y0, colour);
            else FillRectangle(x0 - offset, y0 - offset, thickness, thickness, colour);
            if (x0 == x1 && y0 == y1) return;
            int doubled = 2 * error;
            if (doubled >= dy) { error += dy; x0 += stepX; }
            if (doubled <= dx) { error += dx; y0 += stepY; }
        }
    }

    /// <summary>Draws <paramref name="text"/> with its top-left corner at (x, y); each font pixel becomes a <paramref name="scale"/>-sided square.</summary>
    public void DrawText(string text, int x, int y, Rgb colour, int scale = 1)
    {
        for (int i = 0; i < text.Length; i++)
        {
            int left = x + i * BitmapFont.Advance * scale;
            for (int row = 0; row < BitmapFont.GlyphHeight; row++)
            {
                for (int column = 0; column < BitmapFont.GlyphWidth; column++)
                {
                    if (BitmapFont.IsInk(text[i], column, row)) FillRectangle(left + column * scale, y + row * scale, scale, scale, colour);
                }
            }
        }
    }

    /// <summary>
    /// Draws <paramref name="text"/> turned 90 degrees anticlockwise (read bottom to top, as a y-axis
    /// label), with the top-left of its bounding box at (x, y).
    /// </summary>
    public void DrawTextVertical(string text, int x, int y, Rgb colour, int scale = 1)
    {
        int length = BitmapFont.MeasureWidth(text, scale);
        for (int i = 0; i < text.Length; i++)
        {
            int along = i * BitmapFont.Advance * scale;
            for (int row = 0; row < BitmapFont.GlyphHeight; row++)
            {
                for (int column = 0; column < BitmapFont.GlyphWidth; column++)
                {
                    if (!BitmapFont.IsInk(text[i], column, row)) continue;
                    // Glyph (column, row) maps to (x + row, y + length - 1 - along - column) in the rotated box.
                    FillRectangle(x + row * scale, y + length - (along + (column + 1) * scale), scale, scale, colour);
                }
            }
        }
    }

    /// <summary>Copies <paramref name="source"/> with its top-left at (x, y); RGBA is blended over the canvas by its alpha.</summary>
    public void Blit(PixelImage source, int x, int y)
    {
        ArgumentNullException.ThrowIfNull(source);
        int bytesPerPixel = source.Format.BytesPerPixel();
        for (int row = Math.Max(0, -y); row < source.Height && y + row < Height; row++)
        {
            ReadOnlySpan<byte> line = source.Row(row);
            for (int column = Math.Max(0, -x); column < source.Width && x + column < Width; column++)
            {
                ReadOnlySpan<byte> pixel = line.Slice(column * bytesPerPixel, bytesPerPixel);
                Rgb colour = source.Format switch
                {
                    PixelFormat.Grey8 or PixelFormat.Grey16 => new Rgb(pixel[0], pixel[0], pixel[0]),
                    PixelFormat.Rgb8 => new Rgb(pixel[0], pixel[1], pixel[2]),
                    _ => GetPixel(x + column, y + row).Mix(new Rgb(pixel[0], pixel[1], pixel[2]), pixel[3] / 255.0),
                };
                SetPixel(x + column, y + row, colour);
            }
        }
    }

    /// <summary>Writes the canvas as an RGB PNG (temporary file, then rename).</summary>
    public void SavePng(string path, CompressionLevel level = CompressionLevel.Optimal) => PngEncoder.Save(Image, path, level);
}
