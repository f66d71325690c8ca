using Demix.Imaging.Png;

namespace Demix.Imaging.Tests.Png;

/// <summary>Decodes PNGs assembled by <see cref="HandMadePng"/> (stored deflate blocks, our own filters).</summary>
public sealed class PngDecoderTests
{
    /// <summary>A known pattern: sample <c>c</c> of pixel (x, y).</summary>
    private static byte Pattern(int x, int y, int c) => (byte)(x * 29 + y * 71 + c * 101 + x * y);

    private static byte[][] PatternRows(int width, int height, int channels) =>
        [.. Enumerable.Range(0, height).Select(y =>
            Enumerable.Range(0, width * channels).Select(i => Pattern(i / channels, y, i % channels)).ToArray())];

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 1)]
    [InlineData(0, 3)]
    [InlineData(1, 3)]
    [InlineData(2, 3)]
    [InlineData(3, 3)]
    [InlineData(4, 3)]
    [InlineData(0, 4)]
    [InlineData(1, 4)]
    [InlineData(2, 4)]
    [InlineData(3, 4)]
    [InlineData(4, 4)]
    public void Decode_HandMadeFile_EachFilterType_GivesPattern(int filterType, int channels)
    {
        const int width = 13, height = 9;
        int colourType = channels switch { 1 => 0, 3 => 2, _ => 6 };
        byte[] raw = HandMadePng.Filter(PatternRows(width, height, channels), channels, _ => filterType);
        PixelImage image = PngDecoder.Decode(HandMadePng.File(width, height, 8, colourType, raw, idatSplit: 50));
        Assert.Equal(channels switch { 1 => PixelFormat.Grey8, 3 => PixelFormat.Rgb8, _ => PixelFormat.Rgba8 }, image.Format);
        AssertPattern(image, channels);
    }

    [Fact]
    public void Decode_HandMadeFile_MixedFiltersPerRow_GivesPattern()
    {
        byte[] raw = HandMadePng.Filter(PatternRows(40, 30, 3), 3, y => y % 5);
        AssertPattern(PngDecoder.Decode(HandMadePng.File(40, 30, 8, 2, raw)), 3);
    }

    [Fact]
    public void Decode_Grey16_KeepsFullPrecision()
    {
        const int width = 6, height = 3;
        byte[][] rows = [.. Enumerable.Range(0, height).Select(y =>
            Enumerable.Range(0, width).SelectMany(x => new[] { (byte)((x * 9000 + y * 17) >> 8), (byte)(x * 9000 + y * 17) }).ToArray())];
        PixelImage image = PngDecoder.Decode(HandMadePng.File(width, height, 16, 0, HandMadePng.Filter(rows, 2, y => 4 - y)));
        Assert.Equal(PixelFormat.Grey16, image.Format);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++) Assert.Equal(x * 9000 + y * 17, image.GetGrey16(x, y));
        }
    }

    [Fact]
    public void Decode_Rgba16_KeepsHighBytes()
    {
        byte[][] rows = [[0x12, 0x34, 0xAB, 0xCD, 0xFF, 0x00, 0x80, 0x01]];
        PixelImage image = PngDecoder.Decode(HandMadePng.File(1, 1, 16, 6, HandMadePng.Filter(rows, 8, _ => 1)));
        Assert.Equal([0x12, 0xAB, 0xFF, 0x80], image.Data);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Decode_PackedGrey_ScalesToFullRange(int bitDepth)
    {
        const int width = 11;
        int levels = 1 << bitDepth;
        int[] values = [.. Enumerable.Range(0, width).Select(x => x * 7 % levels)];
        byte[] row = Pack(values, bitDepth);
        PixelImage image = PngDecoder.Decode(HandMadePng.File(width, 1, bitDepth, 0, HandMadePng.Filter([row], 1, _ => 0)));
        Assert.Equal(PixelFormat.Grey8, image.Format);
        Assert.Equal(values.Select(v => (byte)(v * 255 / (levels - 1))), image.Data);
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(4, true)]
    [InlineData(8, true)]
    public void Decode_Palette_LooksUpColoursAndTransparency(int bitDepth, bool withTransparency)
    {
        byte[] palette = [255, 0, 0, 0, 255, 0, 0, 0, 255, 9, 8, 7];
        byte[] alpha = [10, 20]; // entries 2 and 3 are opaque (implicitly 255)
        int[] indices = [0, 1, 2, 3, 3, 2, 1];
        byte[] row = Pack(indices, bitDepth);
        PixelImage image = PngDecoder.Decode(HandMadePng.File(indices.Length, 1, bitDepth, 3,
            HandMadePng.Filter([row], 1, _ => 2), palette: palette, transparency: withTransparency ? alpha : null));
        int channels = withTransparency ? 4 : 3;
        Assert.Equal(withTransparency ? PixelFormat.Rgba8 : PixelFormat.Rgb8, image.Format);
        for (int x = 0; x < indices.Length; x++)
        {
            Assert.Equal(palette.AsSpan(3 * indices[x], 3).ToArray(), image.Data.AsSpan(channels * x, 3).ToArray());
            if (withTransparency) Assert.Equal(indices[x] < 2 ? alpha[indices[x]] : 255, image.Data[4 * x + 3]);
        }
    }

    [Fact]
    public void Decode_GreyAlpha_ExpandsToRgba()
    {
        byte[][] rows = [[50, 200, 60, 100]];
        PixelImage image = PngDecoder.Decode(HandMadePng.File(2, 1, 8, 4, HandMadePng.Filter(rows, 2, _ => 3)));
        Assert.Equal([50, 50, 50, 200, 60, 60, 60, 100], image.Data);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 3)]
    [InlineData(17, 11)]
    public void Decode_Adam7Interlaced_GivesPattern(int width, int height)
    {
        var raw = new List<byte>();
        int pass = 0;
        foreach (List<List<(int X, int Y)>> passRows in HandMadePng.Adam7Passes(width, height))
        {
            byte[][] rows = [.. passRows.Select(r => r.SelectMany(p => new[] { Pattern(p.X, p.Y, 0), Pattern(p.X, p.Y, 1), Pattern(p.X, p.Y, 2) }).ToArray())];
            int filter = pass++ % 5;
            if (rows.Length > 0) raw.AddRange(HandMadePng.Filter(rows, 3, _ => filter));
        }
        AssertPattern(PngDecoder.Decode(HandMadePng.File(width, height, 8, 2, [.. raw], interlaced: true)), 3);
    }

    private static byte[] Pack(int[] values, int bitDepth)
    {
        var packed = new byte[(values.Length * bitDepth + 7) / 8];
        for (int i = 0; i < values.Length; i++)
        {
            int bit = i * bitDepth;
            packed[bit / 8] |= (byte)(values[i] << (8 - bitDepth - bit % 8));
        }
        return packed;
    }

    private static void AssertPattern(PixelImage image, int channels)
    {
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                for (int c = 0; c < channels; c++) Assert.Equal(Pattern(x, y, c), image.Row(y)[x * channels + c]);
            }
        }
    }
}
