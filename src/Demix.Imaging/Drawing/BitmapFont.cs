namespace Demix.Imaging.Drawing;

/// <summary>
/// A built-in 5x8 bitmap font for printable ASCII (32..126), drawn for this project. Capitals and
/// digits use rows 0..6; row 7 holds descenders (g, j, p, q, y). Other characters draw as '?'.
/// Each glyph is 8 rows written as two hex digits; bit 4 of a row is the leftmost pixel.
/// </summary>
public static class BitmapFont
{
    /// <summary>Glyph width in font pixels.</summary>
    public const int GlyphWidth = 5;

    /// <summary>Glyph height in font pixels, descender row included.</summary>
    public const int GlyphHeight = 8;

    /// <summary>Horizontal distance from one character to the next (glyph plus one blank column).</summary>
    public const int Advance = GlyphWidth + 1;

    /// <summary>Height of a capital letter (rows 0..6).</summary>
    public const int CapHeight = 7;

    private static readonly byte[] Rows = Parse(
    [
        "0000000000000000", // 32 space
        "0404040404000400", // 33 !
        "0A0A0A0000000000", // 34 quote
        "0A0A1F0A1F0A0A00", // 35 #
        "040F140E051E0400", // 36 $
        "1819020408130300", // 37 %
        "0C12140815120D00", // 38 &
        "0404040000000000", // 39 '
        "0204080808040200", // 40 (
        "0804020202040800", // 41 )
        "0004150E15040000", // 42 *
        "0004041F04040000", // 43 +
        "00000000000C0408", // 44 ,
        "0000001F00000000", // 45 -
        "00000000000C0C00", // 46 .
        "0001020408100000", // 47 /
        "0E11131519110E00", // 48 0
        "040C040404040E00", // 49 1
        "0E11010204081F00", // 50 2
        "1F02040201110E00", // 51 3
        "02060A121F020200", // 52 4
        "1F101E0101110E00", // 53 5
        "0608101E11110E00", // 54 6
        "1F01020408080800", // 55 7
        "0E11110E11110E00", // 56 8
        "0E11110F01020C00", // 57 9
        "000C0C000C0C0000", // 58 :
        "000C0C000C040800", // 59 ;
        "0204081008040200", // 60 <
        "00001F001F000000", // 61 =
        "0804020102040800", // 62 >
        "0E11010204000400", // 63 ?
        "0E11171517100F00", // 64 @
        "0E11111F11111100", // 65 A
        "1E11111E11111E00", // 66 B
        "0E11101010110E00", // 67 C
        "1C12111111121C00", // 68 D
        "1F10101E10101F00", // 69 E
        "1F10101E10101000", // 70 F
        "0E11101711110F00", // 71 G
        "1111111F11111100", // 72 H
        "0E04040404040E00", // 73 I
        "0702020202120C00", // 74 J
        "1112141814121100", // 75 K
        "1010101010101F00", // 76 L
        "111B151511111100", // 77 M
        "1111191513111100", // 78 N
        "0E11111111110E00", // 79 O
        "1E11111E10101000", // 80 P
        "0E11111115120D00", // 81 Q
        "1E11111E14121100", // 82 R
        "0F10100E01011E00", // 83 S
        "1F04040404040400", // 84 T
        "1111111111110E00", // 85 U
        "11111111110A0400", // 86 V
        "1111111515150A00", // 87 W
        "11110A040A111100", // 88 X
        "11110A0404040400", // 89 Y
        "1F01020408101F00", // 90 Z
        "0E08080808080E00", // 91 [
        "0010080402010000", // 92 backslash
        "0E02020202020E00", // 93 ]
        "040A110000000000", // 94 ^
        "000000000000001F", // 95 _
        "0804000000000000", // 96 `
        "00000E010F110F00", // 97 a
        "1010161911111E00", // 98 b
        "00000E1010110E00", // 99 c
        "01010D1311110F00", // 100 d
        "00000E111F100E00", // 101 e
        "0609081C08080800", // 102 f
        "00000F11110F010E", // 103 g
        "1010161911111100", // 104 h
        "04000C0404040E00", // 105 i
        "020006020202120C", // 106 j
        "1010121418141200", // 107 k
        "0C04040404040E00", // 108 l
        "00001A1515111100", // 109 m
        "0000161911111100", // 110 n
        "00000E1111110E00", // 111 o
        "00001E11111E1010", // 112 p
        "00000F11110F0101", // 113 q
        "0000161910101000", // 114 r
        "00000F100E011E00", // 115 s
        "08081C0808090600", // 116 t
        "0000111111130D00", // 117 u
        "00001111110A0400", // 118 v
        "0000111115150A00", // 119 w
        "0000110A040A1100", // 120 x
        "00001111110F010E", // 121 y
        "00001F0204081F00", // 122 z
        "0204040804040200", // 123 {
        "0404040404040400", // 124 |
        "0804040204040800", // 125 }
        "0000081502000000", // 126 ~
    ]);

    /// <summary>Whether the font pixel (x, y) of <paramref name="character"/> is ink; (0, 0) is top-left.</summary>
    public static bool IsInk(char character, int x, int y)
    {
        if ((uint)x >= GlyphWidth || (uint)y >= GlyphHeight) return false;
        int index = character is >= ' ' and <= '~' ? character - ' ' : '?' - ' ';
        return (Rows[index * GlyphHeight + y] >> (GlyphWidth - 1 - x) & 1) != 0;
    }

    /// <summary>Width in pixels of <paramref name="text"/> drawn at <paramref name="scale"/> (no trailing gap).</summary>
    public static int MeasureWidth(string text, int scale = 1) =>
        text.Length == 0 ? 0 : (text.Length * Advance - 1) * scale;

    private static byte[] Parse(string[] glyphs)
    {
        var rows = new byte[glyphs.Length * GlyphHeight];
        for (int g = 0; g < glyphs.Length; g++)
        {
            for (int y = 0; y < GlyphHeight; y++) rows[g * GlyphHeight + y] = Convert.ToByte(glyphs[g].Substring(2 * y, 2), 16);
        }
        return rows;
    }
}
