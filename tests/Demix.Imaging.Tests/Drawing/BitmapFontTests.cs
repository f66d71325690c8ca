using Demix.Imaging.Drawing;

namespace Demix.Imaging.Tests.Drawing;

public sealed class BitmapFontTests
{
    private static string Bits(char c) =>
        string.Concat(Enumerable.Range(0, BitmapFont.GlyphWidth * BitmapFont.GlyphHeight)
            .Select(i => BitmapFont.IsInk(c, i % BitmapFont.GlyphWidth, i / BitmapFont.GlyphWidth) ? '#' : '.'));

    [Fact]
    public void EveryPrintableCharacter_HasItsOwnNonEmptyGlyph()
    {
        char[] printable = [.. Enumerable.Range(33, 94).Select(c => (char)c)];
        Assert.All(printable, c => Assert.Contains('#', Bits(c)));
        Assert.DoesNotContain('#', Bits(' '));
        Assert.Equal(printable.Length, printable.Select(Bits).Distinct().Count());
    }

    [Fact]
    public void Descenders_UseTheLastRowOnly()
    {
        static bool InkOnRow(char c, int row) => Enumerable.Range(0, BitmapFont.GlyphWidth).Any(x => BitmapFont.IsInk(c, x, row));
        Assert.All("gjpqy", c => Assert.True(InkOnRow(c, 7), $"{c} has no descender"));
        Assert.All("ABCXYZ0123456789abcxz", c => Assert.False(InkOnRow(c, 7), $"{c} reaches the descender row"));
    }

    [Fact]
    public void UnknownCharacter_DrawsAsQuestionMark()
    {
        Assert.Equal(Bits('?'), Bits('\u00e9'));
        Assert.Equal(6 * 3 - 1, BitmapFont.MeasureWidth("abc"));
        Assert.Equal(0, BitmapFont.MeasureWidth(""));
    }
}
