using System.Numerics;

namespace Demix.Separation.Methods.RepetSim;

/// <summary>
/// Per-bin medians of up to 128 magnitude frames, vectorised across bins: lane i of vector k holds bin
/// b0 + i of frame k, so the frames are loaded as they lie in memory (no transpose) and a branch-free
/// bitonic sorting network of min/max operations orders every lane at once. The frames are padded with
/// +infinity up to a power of two, so the real values end up first, in order.
/// </summary>
internal sealed class MedianNetwork
{
    /// <summary>The largest frame count handled (the network size).</summary>
    public const int MaxFrames = 128;

    private readonly Vector<float>[] lanes = new Vector<float>[MaxFrames];

    /// <summary>Bins per vector.</summary>
    public static int Width => Vector<float>.Count;

    /// <summary>True when the hardware runs the vectors natively (otherwise use the scalar median).</summary>
    public static bool IsUseful => Vector.IsHardwareAccelerated;

    /// <summary>Writes the medians of bins <c>[first, first + Width)</c> over <paramref name="frames"/> into <paramref name="median"/>.</summary>
    /// <param name="frames">Magnitude frames, each [bins]; 1 to <see cref="MaxFrames"/> of them.</param>
    /// <param name="first">First bin of the group.</param>
    /// <param name="median">Destination, [bins].</param>
    public void MedianOfGroup(IReadOnlyList<float[]> frames, int first, Span<float> median)
    {
        int count = frames.Count;
        int size = 2;
        while (size < count) size <<= 1;
        for (int k = 0; k < count; k++) lanes[k] = new Vector<float>(frames[k].AsSpan(first, Width));
        for (int k = count; k < size; k++) lanes[k] = new Vector<float>(float.PositiveInfinity);
        BitonicSort(lanes.AsSpan(0, size));
        Vector<float> high = lanes[count / 2];
        Vector<float> result = (count & 1) == 1 ? high : (lanes[count / 2 - 1] + high) * 0.5f;
        result.CopyTo(median[first..]);
    }

    /// <summary>Sorts every lane ascending; the length must be a power of two.</summary>
    private static void BitonicSort(Span<Vector<float>> x)
    {
        int n = x.Length;
        for (int block = 2; block <= n; block <<= 1)
        {
            for (int stride = block >> 1; stride > 0; stride >>= 1)
            {
                for (int i = 0; i < n; i++)
                {
                    int partner = i ^ stride;
                    if (partner <= i) continue;
                    Vector<float> a = x[i], b = x[partner];
                    bool ascending = (i & block) == 0;
                    x[i] = ascending ? Vector.Min(a, b) : Vector.Max(a, b);
                    x[partner] = ascending ? Vector.Max(a, b) : Vector.Min(a, b);
                }
            }
        }
    }
}
