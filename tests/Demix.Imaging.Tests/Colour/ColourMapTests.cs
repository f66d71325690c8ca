using Demix.Imaging.Colour;
using Demix.Imaging.Drawing;

namespace Demix.Imaging.Tests.Colour;

public sealed class ColourMapTests
{
    /// <summary>Entries 0, 40, 100, 170, 230 and 255 of the published 256-entry matplotlib tables.</summary>
    public static TheoryData<string, int, uint> PublishedEntries() => new()
    {
        { "viridis", 0, 0x440154 }, { "viridis", 40, 0x453781 }, { "viridis", 100, 0x2A768E },
        { "viridis", 170, 0x35B779 }, { "viridis", 230, 0xBDDF26 }, { "viridis", 255, 0xFDE725 },
        { "magma", 40, 0x29115A }, { "magma", 100, 0x892881 }, { "magma", 170, 0xF1605D }, { "magma", 230, 0xFECF92 },
        { "inferno", 40, 0x2F0A5B }, { "inferno", 100, 0x902568 }, { "inferno", 170, 0xED6925 }, { "inferno", 230, 0xF6D746 },
        { "plasma", 40, 0x5901A5 }, { "plasma", 100, 0xAE2892 }, { "plasma", 170, 0xED7953 }, { "plasma", 230, 0xFCCE25 },
    };

    [Theory]
    [MemberData(nameof(PublishedEntries))]
    public void PerceptualMaps_StayWithinSevenLevelsOfThePublishedTables(string name, int index, uint published)
    {
        Assert.True(ColourMap.TryGet(name, out ColourMap map));
        Rgb expected = Rgb.FromHex(published), actual = map[index];
        Assert.InRange(actual.R - expected.R, -7, 7);
        Assert.InRange(actual.G - expected.G, -7, 7);
        Assert.InRange(actual.B - expected.B, -7, 7);
    }

    [Theory]
    [InlineData("viridis")]
    [InlineData("magma")]
    [InlineData("inferno")]
    [InlineData("plasma")]
    [InlineData("grey")]
    [InlineData("hot")]
    public void BuiltInMaps_GetBrighterAlongTheTable(string name)
    {
        Assert.True(ColourMap.TryGet(name, out ColourMap map));
        static double Luminance(Rgb c) => 0.2126 * c.R + 0.7152 * c.G + 0.0722 * c.B;
        for (int i = 0; i + 8 < 256; i++) Assert.True(Luminance(map[i + 8]) > Luminance(map[i]), $"{name}: entry {i + 8} is not brighter than {i}");
    }

    [Fact]
    public void Grey_IsTheIdentityRamp()
    {
        for (int i = 0; i < 256; i++) Assert.Equal(new Rgb((byte)i, (byte)i, (byte)i), ColourMap.Grey[i]);
    }

    [Fact]
    public void Map_ClampsOutOfRangeAndNaN()
    {
        ColourMap map = ColourMap.Viridis;
        Assert.Equal(map[0], map.Map(-3));
        Assert.Equal(map[0], map.Map(double.NaN));
        Assert.Equal(map[255], map.Map(7));
        Assert.Equal(map[128], map.Map(128 / 255.0));
    }

    [Fact]
    public void TryGet_AcceptsGrayAndAnyCase_RejectsUnknown()
    {
        Assert.True(ColourMap.TryGet("Gray", out ColourMap grey));
        Assert.Same(ColourMap.Grey, grey);
        Assert.True(ColourMap.TryGet("MAGMA", out _));
        Assert.False(ColourMap.TryGet("jet", out _));
    }

    [Fact]
    public void FromControlPoints_InterpolatesAndValidates()
    {
        ColourMap map = ColourMap.FromControlPoints("two", [0, 1], [0x000000, 0xFF0000]);
        Assert.Equal(new Rgb(100, 0, 0), map[100]);
        Assert.Throws<ArgumentException>(() => ColourMap.FromControlPoints("bad", [0, 0.5], [0, 0]));
        Assert.Throws<ArgumentException>(() => ColourMap.FromControlPoints("bad", [0, 0.6, 0.4, 1], [0, 0, 0, 0]));
    }
}
