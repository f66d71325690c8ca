namespace Demix.Imaging.Drawing;

/// <summary>An opaque 8-bit sRGB colour.</summary>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    public static Rgb White => new(255, 255, 255);
    public static Rgb Black => new(0, 0, 0);
    public static Rgb LightGrey => new(225, 225, 225);
    public static Rgb Grey => new(128, 128, 128);

    /// <summary>The colour written as 0xRRGGBB.</summary>
    public static Rgb FromHex(uint rgb) => new((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);

    /// <summary>Linear mix: <paramref name="weight"/> 0 gives this colour, 1 gives <paramref name="other"/>.</summary>
    public Rgb Mix(Rgb other, double weight) => new(
        MixChannel(R, other.R, weight),
        MixChannel(G, other.G, weight),
        MixChannel(B, other.B, weight));

    private static byte MixChannel(byte from, byte to, double weight) =>
        (byte)Math.Clamp(Math.Round(from + (to - from) * weight), 0, 255);
}
