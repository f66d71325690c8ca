using Demix.Imaging.Drawing;

namespace Demix.Imaging.Colour;

/// <summary>
/// A colour map: a 256-entry table from 0 (low values) to 255 (high values), built by linear
/// interpolation between control points. The perceptual maps (viridis, magma, inferno, plasma)
/// use 17 evenly spaced samples of the published matplotlib tables (van der Walt and Smith 2015);
/// the interpolated tables stay within 7/255 of the originals on every channel.
/// </summary>
public sealed class ColourMap
{
    private readonly Rgb[] table;

    private ColourMap(string name, Rgb[] table)
    {
        Name = name;
        this.table = table;
    }

    public static ColourMap Viridis { get; } = Even("viridis",
        [0x440154, 0x48186A, 0x472D7B, 0x424086, 0x3B528B, 0x33638D, 0x2C728E, 0x26828E, 0x21918C,
         0x1F9F88, 0x27AD81, 0x3DBC74, 0x5CC863, 0x81D34D, 0xAADC32, 0xD5E21A, 0xFDE725]);

    public static ColourMap Magma { get; } = Even("magma",
        [0x000004, 0x0A0822, 0x1D1147, 0x36106B, 0x51127C, 0x6A1C81, 0x832681, 0x9C2E7F, 0xB73779,
         0xCF4070, 0xE55064, 0xF4695C, 0xFB8761, 0xFEA571, 0xFEC287, 0xFDE0A1, 0xFCFDBF]);

    public static ColourMap Inferno { get; } = Even("inferno",
        [0x000004, 0x0B0724, 0x210C4A, 0x3D0965, 0x57106E, 0x71196E, 0x8A226A, 0xA32C61, 0xBC3754,
         0xD04545, 0xE35933, 0xF1711F, 0xF98C0A, 0xFCAA0F, 0xF9C932, 0xF2E865, 0xFCFFA4]);

    public static ColourMap Plasma { get; } = Even("plasma",
        [0x0D0887, 0x310597, 0x4C02A1, 0x6600A7, 0x7E03A8, 0x9511A1, 0xAA2395, 0xBC3587, 0xCC4778,
         0xD9586A, 0xE56B5D, 0xF07F4F, 0xF89441, 0xFDAB33, 0xFDC328, 0xF9DD25, 0xF0F921]);

    /// <summary>Black to white.</summary>
    public static ColourMap Grey { get; } = Even("grey", [0x000000, 0xFFFFFF]);

    /// <summary>Black, red, yellow, white (red rises first, then green, then blue).</summary>
    public static ColourMap Hot { get; } = FromControlPoints("hot",
        [0, 0.375, 0.75, 1], [0x000000, 0xFF0000, 0xFFFF00, 0xFFFFFF]);

    /// <summary>Every built-in map, in the order listed above.</summary>
    public static IReadOnlyList<ColourMap> BuiltIn { get; } = [Viridis, Magma, Inferno, Plasma, Grey, Hot];

    public string Name { get; }

    /// <summary>Entry <paramref name="index"/> (0..255) of the table.</summary>
    public Rgb this[int index] => table[index];

    /// <summary>The colour of <paramref name="fraction"/> in [0, 1] (clamped; NaN gives the lowest colour).</summary>
    public Rgb Map(double fraction) => table[ToIndex(fraction)];

    /// <summary>The table index of <paramref name="fraction"/>: round(fraction * 255), clamped; NaN gives 0.</summary>
    public static int ToIndex(double fraction) =>
        fraction > 0 ? (int)Math.Min(255, Math.Round(fraction * 255)) : 0;

    /// <summary>The built-in map called <paramref name="name"/> (case-insensitive; "gray" is accepted for "grey").</summary>
    public static bool TryGet(string name, out ColourMap map)
    {
        string wanted = name.Equals("gray", StringComparison.OrdinalIgnoreCase) ? "grey" : name;
        map = BuiltIn.FirstOrDefault(m => m.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase))!;
        return map is not null;
    }

    /// <summary>
    /// A map through the colours <paramref name="coloursRgb"/> (0xRRGGBB) at the increasing
    /// <paramref name="positions"/>, which run from 0 to 1.
    /// </summary>
    public static ColourMap FromControlPoints(string name, ReadOnlySpan<double> positions, ReadOnlySpan<uint> coloursRgb)
    {
        if (positions.Length != coloursRgb.Length || positions.Length < 2 || positions[0] != 0 || positions[^1] != 1)
        {
            throw new ArgumentException("Need at least two control points, with positions from 0 to 1, one per colour.", nameof(positions));
        }
        for (int i = 1; i < positions.Length; i++)
        {
            if (!(positions[i] > positions[i - 1])) throw new ArgumentException("Control point positions must increase.", nameof(positions));
        }
        var table = new Rgb[256];
        int segment = 0;
        for (int i = 0; i < 256; i++)
        {
            double t = i / 255.0;
            while (segment < positions.Length - 2 && t > positions[segment + 1]) segment++;
            double weight = Math.Clamp((t - positions[segment]) / (positions[segment + 1] - positions[segment]), 0, 1);
            table[i] = Rgb.FromHex(coloursRgb[segment]).Mix(Rgb.FromHex(coloursRgb[segment + 1]), weight);
        }
        return new ColourMap(name, table);
    }

    private static ColourMap Even(string name, ReadOnlySpan<uint> coloursRgb)
    {
        var positions = new double[coloursRgb.Length];
        for (int i = 0; i < positions.Length; i++) positions[i] = i / (double)(positions.Length - 1);
        return FromControlPoints(name, positions, coloursRgb);
    }
}
