namespace Demix.Engine.Kernels;

/// <summary>Which register tile the managed SGEMM uses (tests force the fallbacks on AVX-512 machines).</summary>
internal enum GemmIsa
{
    Auto,
    Avx512,
    Avx2,
    Scalar,
}

/// <summary>
/// Picks the managed SGEMM kernel for a product's shape and splits it over the cores:
/// one row (vector-matrix), few rows against a transposed B (dot products of contiguous rows), or the
/// packed blocked product, whose threads each take a contiguous slab of C columns (or rows) and pack
/// their own panels, so the threads never wait for each other until the final join.
/// </summary>
internal static unsafe class GemmDispatch
{
    /// <summary>Below this many flops one thread is faster than waking a second one.</summary>
    private const long ParallelMinFlops = 3_000_000;

    /// <summary>Products with at most this many rows read an untransposed B in place instead of packing it.</summary>
    private const int InPlaceBMaxRows = 48;

    /// <summary>Products with at most this many rows and a transposed B use the dot-product kernel.</summary>
    private const int DotMaxRows = 32;

    /// <summary>The product on the managed kernels with a forced tile (tests) and a thread limit.</summary>
    public static void Run(in GemmArgs g, GemmIsa isa, int maxThreads)
    {
        isa = isa == GemmIsa.Auto ? BestIsa() : isa;
        int threads = Threads(g, maxThreads);
        if (g.M == 1 && !g.TransposeB)
        {
            GemmRow.Run(g, threads);
        }
        else if (isa == GemmIsa.Avx512 && g.TransposeB && !g.TransposeA && g.M <= DotMaxRows)
        {
            GemmDot.Run(g, threads);
        }
        else if (isa == GemmIsa.Avx512)
        {
            RunPacked<MicroKernel512>(g, threads);
        }
        else if (isa == GemmIsa.Avx2)
        {
            RunPacked<MicroKernel256>(g, threads);
        }
        else
        {
            RunPacked<MicroKernelScalar>(g, threads);
        }
    }

    /// <summary>The product against a pre-packed B, on the tile the matrix was packed for.</summary>
    public static void RunPrepacked(in GemmArgs g, PackedMatrix b, int maxThreads)
    {
        int threads = Threads(g, maxThreads);
        if (b.PanelWidth == 32)
        {
            GemmPrepacked<MicroKernel512>.Run(g, b, threads);
        }
        else if (b.PanelWidth == 16)
        {
            GemmPrepacked<MicroKernel256>.Run(g, b, threads);
        }
        else
        {
            GemmPrepacked<MicroKernelScalar>.Run(g, b, threads);
        }
    }

    /// <summary>The widest tile this machine runs in hardware.</summary>
    public static GemmIsa BestIsa()
    {
        if (MicroKernel512.IsSupported)
        {
            return GemmIsa.Avx512;
        }

        return MicroKernel256.IsSupported ? GemmIsa.Avx2 : GemmIsa.Scalar;
    }

    /// <summary>Threads worth using for this product (1 for small ones).</summary>
    private static int Threads(in GemmArgs g, int maxThreads)
    {
        long flops = 2L * g.M * g.N * g.K;
        return flops < ParallelMinFlops ? 1 : Math.Max(1, maxThreads);
    }

    /// <summary>
    /// Whether the blocked product reads op(B) in place: untransposed and few rows (the copy would cost more than
    /// it saves; measured even for row strides of 4 KiB, whose rows share L1 sets).
    /// </summary>
    private static bool ReadsBInPlace(in GemmArgs g) => !g.TransposeB && g.M <= InPlaceBMaxRows;

    private static void RunPacked<TK>(in GemmArgs g, int threads) where TK : struct, IMicroKernel
    {
        if (threads <= 1)
        {
            GemmBlocked<TK>.Run(g, 0, g.M, 0, g.N, packB: !ReadsBInPlace(g));
        }
        else if (g.M <= InPlaceBMaxRows)
        {
            GemmParallel<TK>.RunColumnChunks(g, threads, packB: !ReadsBInPlace(g));
        }
        else
        {
            GemmParallel<TK>.RunRowBlocks(g, threads);
        }
    }
}

/// <summary>Splits an extent into near-equal contiguous slices whose starts are multiples of an alignment.</summary>
internal static class Partition
{
    /// <summary>Slice <paramref name="part"/> of <paramref name="parts"/> over [0, extent), in units of align.</summary>
    public static (int Start, int Count) Slice(int extent, int align, int parts, int part)
    {
        int units = (extent + align - 1) / align;
        int startUnit = (int)((long)units * part / parts);
        int endUnit = (int)((long)units * (part + 1) / parts);
        int start = Math.Min(extent, startUnit * align);
        int end = Math.Min(extent, endUnit * align);
        return (start, end - start);
    }
}
