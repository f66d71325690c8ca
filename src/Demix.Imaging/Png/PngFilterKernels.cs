using System.Runtime.Intrinsics;

namespace Demix.Imaging.Png;

/// <summary>
/// The encoder's side of the PNG filters, one loop per filter, with Vector256 bodies and scalar
/// heads and tails (the first <c>bytesPerPixel</c> bytes have no left neighbour). Encoding reads
/// only unfiltered rows, so every byte is independent and the loops vectorise.
/// </summary>
internal static class PngFilterKernels
{
    private static bool UseVectors => Vector256.IsHardwareAccelerated;

    public static void Sub(ReadOnlySpan<byte> row, int bytesPerPixel, Span<byte> destination)
    {
        int head = Math.Min(bytesPerPixel, row.Length);
        row[..head].CopyTo(destination);
        int i = head;
        if (UseVectors)
        {
            for (; i <= row.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                (Vector256.Create(row[i..]) - Vector256.Create(row[(i - bytesPerPixel)..])).CopyTo(destination[i..]);
            }
        }
        for (; i < row.Length; i++) destination[i] = (byte)(row[i] - row[i - bytesPerPixel]);
    }

    public static void Up(ReadOnlySpan<byte> row, ReadOnlySpan<byte> previous, Span<byte> destination)
    {
        int i = 0;
        if (UseVectors)
        {
            for (; i <= row.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                (Vector256.Create(row[i..]) - Vector256.Create(previous[i..])).CopyTo(destination[i..]);
            }
        }
        for (; i < row.Length; i++) destination[i] = (byte)(row[i] - previous[i]);
    }

    public static void Average(ReadOnlySpan<byte> row, ReadOnlySpan<byte> previous, int bytesPerPixel, Span<byte> destination)
    {
        int head = Math.Min(bytesPerPixel, row.Length);
        for (int j = 0; j < head; j++) destination[j] = (byte)(row[j] - (previous[j] >> 1));
        int i = head;
        if (UseVectors)
        {
            for (; i <= row.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                Vector256<byte> left = Vector256.Create(row[(i - bytesPerPixel)..]);
                Vector256<byte> up = Vector256.Create(previous[i..]);
                // floor((left + up) / 2) without overflow: common bits plus half of the differing bits.
                Vector256<byte> mean = (left & up) + Vector256.ShiftRightLogical(left ^ up, 1);
                (Vector256.Create(row[i..]) - mean).CopyTo(destination[i..]);
            }
        }
        for (; i < row.Length; i++) destination[i] = (byte)(row[i] - ((row[i - bytesPerPixel] + previous[i]) >> 1));
    }

    public static void Paeth(ReadOnlySpan<byte> row, ReadOnlySpan<byte> previous, int bytesPerPixel, Span<byte> destination)
    {
        int head = Math.Min(bytesPerPixel, row.Length);
        // With no left pixel, a = c = 0 and the predictor is always the byte above.
        for (int j = 0; j < head; j++) destination[j] = (byte)(row[j] - previous[j]);
        int i = head;
        if (UseVectors)
        {
            for (; i <= row.Length - Vector128<byte>.Count; i += Vector128<byte>.Count)
            {
                Vector256<short> a = Widen(row[(i - bytesPerPixel)..]);
                Vector256<short> b = Widen(previous[i..]);
                Vector256<short> c = Widen(previous[(i - bytesPerPixel)..]);
                Vector256<short> distanceLeft = Vector256.Abs(b - c);
                Vector256<short> distanceUp = Vector256.Abs(a - c);
                Vector256<short> distanceUpperLeft = Vector256.Abs(a + b - c - c);
                Vector256<short> pickLeft = Vector256.LessThanOrEqual(distanceLeft, distanceUp) & Vector256.LessThanOrEqual(distanceLeft, distanceUpperLeft);
                Vector256<short> pickUp = Vector256.LessThanOrEqual(distanceUp, distanceUpperLeft);
                Vector256<short> prediction = Vector256.ConditionalSelect(pickLeft, a, Vector256.ConditionalSelect(pickUp, b, c));
                Vector256<short> filtered = Widen(row[i..]) - prediction;
                // Narrow keeps the low byte of each lane: the wrap-around subtraction PNG wants.
                Vector256.Narrow(filtered, filtered).AsByte().GetLower().CopyTo(destination[i..]);
            }
        }
        for (; i < row.Length; i++)
        {
            destination[i] = (byte)(row[i] - PngFilter.PaethPredictor(row[i - bytesPerPixel], previous[i], previous[i - bytesPerPixel]));
        }
    }

    public static long SumOfAbsoluteSignedBytes(ReadOnlySpan<byte> filtered)
    {
        long sum = 0;
        int i = 0;
        if (UseVectors)
        {
            for (; i <= filtered.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                // |(sbyte)x| read back as a byte is exact, even for -128 (0x80 = 128).
                Vector256<byte> magnitude = Vector256.Abs(Vector256.Create(filtered[i..]).AsSByte()).AsByte();
                (Vector256<ushort> lower, Vector256<ushort> upper) = Vector256.Widen(magnitude);
                sum += Vector256.Sum(lower + upper);
            }
        }
        for (; i < filtered.Length; i++) sum += Math.Abs((int)(sbyte)filtered[i]);
        return sum;
    }

    /// <summary>16 bytes as 16 unsigned 16-bit lanes.</summary>
    private static Vector256<short> Widen(ReadOnlySpan<byte> bytes)
    {
        Vector128<byte> packed = Vector128.Create(bytes);
        return Vector256.Create(Vector128.WidenLower(packed), Vector128.WidenUpper(packed)).AsInt16();
    }
}
