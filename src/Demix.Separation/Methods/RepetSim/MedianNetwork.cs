using System.Runtime.Intrinsics;

namespace Demix.Separation.Methods.RepetSim;

/// <summary>
/// Per-bin medians of up to 128 magnitude frames, vectorised across bins: lane i of vector k holds bin
/// first + i of frame k, so the frames are loaded as they lie in memory (no transpose) and a branch-free
/// bitonic sorting network of min/max operations orders every lane at once. The frames are padded with
/// +infinity up to a power of two, so the real values end up first, in order. Vector512 where the
/// hardware has it, otherwise Vector256; the caller falls back to the scalar median without either.
/// </summary>
internal sealed class MedianNetwork
{
    /// <summary>The largest frame count handled (the network size).</summary>
    public const int MaxFrames = 128;

    private readonly Vector512<float>[] wide = Vector512.IsHardwareAccelerated ? new Vector512<float>[MaxFrames] : [];
    private readonly Vector256<float>[] narrow = new Vector256<float>[MaxFrames];

    /// <summary>Bins per group.</summary>
    public static int Width => Vector512.IsHardwareAccelerated ? Vector512<float>.Count : Vector256<float>.Count;

    /// <summary>True when the hardware runs the vectors natively (otherwise use the scalar median).</summary>
    public static bool IsUseful => Vector512.IsHardwareAccelerated || Vector256.IsHardwareAccelerated;

    /// <summary>Writes the medians of bins <c>[first, first + Width)</c> over <paramref name="frames"/> into <paramref name="median"/>.</summary>
    /// <param name="frames">Magnitude frames, each [bins]; 1 to <see cref="MaxFrames"/> of them.</param>
    /// <param name="first">First bin of the group.</param>
    /// <param name="median">Destination, [bins].</param>
    public void MedianOfGroup(IReadOnlyList<float[]> frames, int first, Span<float> median)
    {
        int count = frames.Count;
        int size = 2;
        while (size < count) size <<= 1;
        if (Vector512.IsHardwareAccelerated)
        {
            for (int k = 0; k < count; k++) wide[k] = Vector512.Create(frames[k].AsSpan(first, Vector512<float>.Count));
            wide.AsSpan(count, size - count).Fill(Vector512.Create(float.PositiveInfinity));
            Sort(wide.AsSpan(0, size));
            Vector512<float> high = wide[count / 2];
            ((count & 1) == 1 ? high : (wide[count / 2 - 1] + high) * 0.5f).CopyTo(median[first..]);
        }
        else
        {
            for (int k = 0; k < count; k++) narrow[k] = Vector256.Create(frames[k].AsSpan(first, Vector256<float>.Count));
            narrow.AsSpan(count, size - count).Fill(Vector256.Create(float.PositiveInfinity));
            Sort(narrow.AsSpan(0, size));
            Vector256<float> high = narrow[count / 2];
            ((count & 1) == 1 ? high : (narrow[count / 2 - 1] + high) * 0.5f).CopyTo(median[first..]);
        }
    }

    /// <summary>Bitonic sort of every lane, ascending; the length is a power of two.</summary>
    private static void Sort(Span<Vector512<float>> x)
    {
        for (int block = 2; block <= x.Length; block <<= 1)
        {
            for (int stride = block >> 1; stride > 0; stride >>= 1)
            {
                for (int i = 0; i < x.Length; i++)
                {
                    int partner = i ^ stride;
                    if (partner <= i) continue;
                    Vector512<float> low = Vector512.Min(x[i], x[partner]), high = Vector512.Max(x[i], x[partner]);
                    bool ascending = (i & block) == 0;
                    x[i] = ascending ? low : high;
                    x[partner] = ascending ? high : low;
                }
            }
        }
    }

    /// <summary>The same network on 256-bit vectors.</summary>
    private static void Sort(Span<Vector256<float>> x)
    {
        for (int block = 2; block <= x.Length; block <<= 1)
        {
            for (int stride = block >> 1; stride > 0; stride >>= 1)
            {
                for (int i = 0; i < x.Length; i++)
                {
                    int partner = i ^ stride;
                    if (partner <= i) continue;
                    Vector256<float> low = Vector256.Min(x[i], x[partner]), high = Vector256.Max(x[i], x[partner]);
                    bool ascending = (i & block) == 0;
                    x[i] = ascending ? low : high;
                    x[partner] = ascending ? high : low;
                }
            }
        }
    }
}
