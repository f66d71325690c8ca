namespace Demix.Imaging.Png;

/// <summary>
/// CRC-32 as used by PNG chunks, zlib's crc32 and Ethernet: reflected polynomial 0xEDB88320,
/// initial value and final XOR 0xFFFFFFFF; one 256-entry table, one byte per step.
/// Known answer: "123456789" gives 0xCBF43926.
/// </summary>
public static class Crc32
{
    private const uint ReflectedPolynomial = 0xEDB88320u;
    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC-32 of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>
    /// Continues a CRC: <c>Append(Compute(a), b) == Compute(a + b)</c>; start from 0.
    /// </summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        uint state = ~crc;
        foreach (byte value in data)
        {
            state = Table[(state ^ value) & 0xFF] ^ (state >> 8);
        }
        return ~state;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? ReflectedPolynomial ^ (c >> 1) : c >> 1;
            }
            table[n] = c;
        }
        return table;
    }
}
