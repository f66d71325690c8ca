using System.Buffers.Binary;
using System.Numerics;

namespace Demix.Engine.Io.TfCheckpoint;

/// <summary>
/// CRC-32C (Castagnoli), as LevelDB and TensorFlow use it, through <see cref="BitOperations.Crc32C(uint, ulong)"/>
/// (hardware instructions where present), plus LevelDB's masking of stored CRCs.
/// </summary>
public static class Crc32C
{
    private const uint MaskDelta = 0xa282ead8;

    /// <summary>The CRC-32C of the bytes, continuing from <paramref name="crc"/> (0 to start).</summary>
    public static uint Compute(ReadOnlySpan<byte> data, uint crc = 0)
    {
        uint state = ~crc;
        int i = 0;
        for (; i + 8 <= data.Length; i += 8) state = BitOperations.Crc32C(state, BinaryPrimitives.ReadUInt64LittleEndian(data[i..]));
        for (; i < data.Length; i++) state = BitOperations.Crc32C(state, data[i]);
        return ~state;
    }

    /// <summary>LevelDB's mask: rotate right by 15 bits, then add 0xa282ead8 (mod 2^32).</summary>
    public static uint Mask(uint crc) => ((crc >> 15) | (crc << 17)) + MaskDelta;

    /// <summary>The inverse of <see cref="Mask"/>.</summary>
    public static uint Unmask(uint masked)
    {
        uint rotated = masked - MaskDelta;
        return (rotated >> 17) | (rotated << 15);
    }
}
