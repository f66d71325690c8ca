using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Demix.Evaluation.Fourier;

/// <summary>
/// The Stockham stages with stride 1, 2 or 4 on AVX-512: eight consecutive butterflies are computed at once
/// and their sums and differences interleaved in blocks of <c>stride</c> with two-source permutes.
/// </summary>
internal static class ShortStrideStage
{
    private static readonly Vector512<long>[] LowIndex =
    [
        Vector512.Create(0L, 8, 1, 9, 2, 10, 3, 11),
        Vector512.Create(0L, 1, 8, 9, 2, 3, 10, 11),
        Vector512.Create(0L, 1, 2, 3, 8, 9, 10, 11),
    ];

    private static readonly Vector512<long>[] HighIndex =
    [
        Vector512.Create(4L, 12, 5, 13, 6, 14, 7, 15),
        Vector512.Create(4L, 5, 12, 13, 6, 7, 14, 15),
        Vector512.Create(4L, 5, 6, 7, 12, 13, 14, 15),
    ];

    /// <summary>One stage from x to y; <paramref name="twRe"/>/<paramref name="twIm"/> hold the twiddle of each flattened butterfly.</summary>
    public static void Run(ReadOnlySpan<double> xr, ReadOnlySpan<double> xi, Span<double> yr, Span<double> yi,
        int n, int stride, double[] twRe, double[] twIm)
    {
        int log = System.Numerics.BitOperations.Log2((uint)stride);
        var lowIndex = LowIndex[log];
        var highIndex = HighIndex[log];
        nuint m = (nuint)(n / 2);
        ref double xrRef = ref MemoryMarshal.GetReference(xr), xiRef = ref MemoryMarshal.GetReference(xi);
        ref double yrRef = ref MemoryMarshal.GetReference(yr), yiRef = ref MemoryMarshal.GetReference(yi);
        ref double wrRef = ref MemoryMarshal.GetArrayDataReference(twRe), wiRef = ref MemoryMarshal.GetArrayDataReference(twIm);
        for (nuint i = 0; i < m; i += 8)
        {
            var ar = Vector512.LoadUnsafe(ref xrRef, i); var ai = Vector512.LoadUnsafe(ref xiRef, i);
            var br = Vector512.LoadUnsafe(ref xrRef, i + m); var bi = Vector512.LoadUnsafe(ref xiRef, i + m);
            var wr = Vector512.LoadUnsafe(ref wrRef, i); var wi = Vector512.LoadUnsafe(ref wiRef, i);
            var sr = ar + br; var si = ai + bi;
            var dr = ar - br; var di = ai - bi;
            var tr = dr * wr - di * wi;
            var ti = dr * wi + di * wr;
            Avx512F.PermuteVar8x64x2(sr, lowIndex, tr).StoreUnsafe(ref yrRef, 2 * i);
            Avx512F.PermuteVar8x64x2(sr, highIndex, tr).StoreUnsafe(ref yrRef, 2 * i + 8);
            Avx512F.PermuteVar8x64x2(si, lowIndex, ti).StoreUnsafe(ref yiRef, 2 * i);
            Avx512F.PermuteVar8x64x2(si, highIndex, ti).StoreUnsafe(ref yiRef, 2 * i + 8);
        }
    }
}
