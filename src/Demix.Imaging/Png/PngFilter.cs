namespace Demix.Imaging.Png;

/// <summary>
/// The five PNG scanline filters (PNG spec section 9). Each works per byte: <c>a</c> is the byte
/// <c>bytesPerPixel</c> to the left, <c>b</c> the byte above, <c>c</c> the byte above-left (0 outside).
/// </summary>
public static class PngFilter
{
    public const byte None = 0;
    public const byte Sub = 1;
    public const byte Up = 2;
    public const byte Average = 3;
    public const byte Paeth = 4;

    /// <summary>Undoes filter <paramref name="filterType"/> on <paramref name="row"/> in place.</summary>
    /// <param name="previous">The previous unfiltered row (all zeros for the first row of a pass).</param>
    /// <returns>False when the filter type is not 0..4.</returns>
    public static bool TryUnfilter(byte filterType, Span<byte> row, ReadOnlySpan<byte> previous, int bytesPerPixel)
    {
        switch (filterType)
        {
            case None:
                return true;
            case Sub:
                for (int i = bytesPerPixel; i < row.Length; i++) row[i] += row[i - bytesPerPixel];
                return true;
            case Up:
                for (int i = 0; i < row.Length; i++) row[i] += previous[i];
                return true;
            case Average:
                for (int i = 0; i < row.Length; i++)
                {
                    int left = i >= bytesPerPixel ? row[i - bytesPerPixel] : 0;
                    row[i] += (byte)((left + previous[i]) >> 1);
                }
                return true;
            case Paeth:
                for (int i = 0; i < row.Length; i++)
                {
                    int left = i >= bytesPerPixel ? row[i - bytesPerPixel] : 0;
                    int upperLeft = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
                    row[i] += PaethPredictor(left, previous[i], upperLeft);
                }
                return true;
            default:
                return false;
        }
    }

    /// <summary>Writes <paramref name="row"/> filtered with <paramref name="filterType"/> into <paramref name="destination"/>.</summary>
    public static void Apply(byte filterType, ReadOnlySpan<byte> row, ReadOnlySpan<byte> previous, int bytesPerPixel, Span<byte> destination)
    {
        if (previous.Length < row.Length || destination.Length < row.Length)
        {
            throw new ArgumentException("The previous row and the destination must be as long as the row.", nameof(destination));
        }
        switch (filterType)
        {
            case None: row.CopyTo(destination); break;
            case Sub: PngFilterKernels.Sub(row, bytesPerPixel, destination); break;
            case Up: PngFilterKernels.Up(row, previous, destination); break;
            case Average: PngFilterKernels.Average(row, previous, bytesPerPixel, destination); break;
            case Paeth: PngFilterKernels.Paeth(row, previous, bytesPerPixel, destination); break;
            default: throw new ArgumentOutOfRangeException(nameof(filterType), filterType, "PNG filter types are 0..4.");
        }
    }

    /// <summary>
    /// Filters <paramref name="row"/> with each of the five filters and keeps the one whose output has
    /// the smallest sum of absolute values as signed bytes (the heuristic of the PNG spec, section 12.8).
    /// </summary>
    /// <param name="scratch">At least <c>row.Length</c> bytes of working space.</param>
    /// <returns>The chosen filter type; <paramref name="destination"/> holds the filtered row.</returns>
    public static byte ApplyAdaptive(ReadOnlySpan<byte> row, ReadOnlySpan<byte> previous, int bytesPerPixel, Span<byte> destination, Span<byte> scratch)
    {
        Span<byte> candidate = scratch[..row.Length];
        byte best = None;
        long bestCost = long.MaxValue;
        for (byte type = None; type <= Paeth; type++)
        {
            Apply(type, row, previous, bytesPerPixel, candidate);
            long cost = SumOfAbsoluteSignedBytes(candidate);
            if (cost < bestCost)
            {
                bestCost = cost;
                best = type;
                candidate.CopyTo(destination);
            }
        }
        return best;
    }

    /// <summary>Sum over <c>|(sbyte)b|</c>: the PNG spec's cost of a filtered row.</summary>
    public static long SumOfAbsoluteSignedBytes(ReadOnlySpan<byte> filtered) => PngFilterKernels.SumOfAbsoluteSignedBytes(filtered);

    /// <summary>The Paeth predictor: whichever of left, up, upper-left is nearest to left + up - upperLeft.</summary>
    public static byte PaethPredictor(int left, int up, int upperLeft)
    {
        int estimate = left + up - upperLeft;
        int distanceLeft = Math.Abs(estimate - left);
        int distanceUp = Math.Abs(estimate - up);
        int distanceUpperLeft = Math.Abs(estimate - upperLeft);
        if (distanceLeft <= distanceUp && distanceLeft <= distanceUpperLeft) return (byte)left;
        return distanceUp <= distanceUpperLeft ? (byte)up : (byte)upperLeft;
    }
}
