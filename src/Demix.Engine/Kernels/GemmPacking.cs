using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Demix.Engine.Kernels;

/// <summary>
/// Copies blocks of op(A) and op(B) into the contiguous panel layouts the micro-kernels stream through:
/// A as [panels of mr rows][kc][mr] (scaled by alpha), B as [panels of nr columns][kc][nr]; the last
/// panel is zero-padded so that every tile can be computed at full width.
/// </summary>
internal static unsafe class GemmPacking
{
    /// <summary>dst[panel][p][r] = alpha * op(A)[i0 + panel * mr + r, p0 + p] for an mc x kc block.</summary>
    public static void PackA(in GemmArgs g, int i0, int mc, int p0, int kc, int mr, float* dst)
    {
        for (int i = 0; i < mc; i += mr)
        {
            int rows = Math.Min(mr, mc - i);
            float* panel = dst + (nint)i * kc;
            if (g.TransposeA)
            {
                PackARowsTransposed(g.A + (nint)p0 * g.Lda + i0 + i, g.Lda, rows, kc, mr, g.Alpha, panel);
            }
            else
            {
                PackARows(g.A + (nint)(i0 + i) * g.Lda + p0, g.Lda, rows, kc, mr, g.Alpha, panel);
            }
        }
    }

    /// <summary>dst[panel][p][j] = op(B)[p0 + p, j0 + panel * nr + j] for a kc x nc block.</summary>
    public static void PackB(in GemmArgs g, int p0, int kc, int j0, int nc, int nr, float* dst)
    {
        for (int j = 0; j < nc; j += nr)
        {
            int cols = Math.Min(nr, nc - j);
            float* panel = dst + (nint)j * kc;
            if (g.TransposeB)
            {
                PackBColumnsTransposed(g.B + (nint)(j0 + j) * g.Ldb + p0, g.Ldb, cols, kc, nr, panel);
            }
            else
            {
                PackBColumns(g.B + (nint)p0 * g.Ldb + j0 + j, g.Ldb, cols, kc, nr, panel);
            }
        }
    }

    /// <summary>A stored [m, k]: 4 x 4 blocks of source rows are transposed into the panel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackARows(float* src, nint lda, int rows, int kc, int mr, float alpha, float* dst)
    {
        int r = 0;
        for (; r <= rows - 4; r += 4)
        {
            Transpose.Rows4(src + r * lda, lda, kc, dst + r, mr, alpha);
        }

        for (; r < rows; r++)
        {
            float* row = src + r * lda;
            for (int p = 0; p < kc; p++)
            {
                dst[p * mr + r] = alpha * row[p];
            }
        }

        ZeroPadRows(dst, rows, kc, mr);
    }

    /// <summary>A stored [k, m]: the mr values of one p are contiguous in the source.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackARowsTransposed(float* src, nint lda, int rows, int kc, int mr, float alpha, float* dst)
    {
        var scale = Vector128.Create(alpha);
        for (int p = 0; p < kc; p++)
        {
            float* from = src + p * lda;
            float* to = dst + p * mr;
            int r = 0;
            for (; r <= rows - 4; r += 4)
            {
                (Vector128.Load(from + r) * scale).Store(to + r);
            }

            for (; r < rows; r++)
            {
                to[r] = alpha * from[r];
            }
        }

        ZeroPadRows(dst, rows, kc, mr);
    }

    private static void ZeroPadRows(float* dst, int rows, int kc, int mr)
    {
        if (rows == mr)
        {
            return;
        }

        for (int p = 0; p < kc; p++)
        {
            new Span<float>(dst + p * mr + rows, mr - rows).Clear();
        }
    }

    /// <summary>B stored [k, n]: each panel row is a contiguous run of the source row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackBColumns(float* src, nint ldb, int cols, int kc, int nr, float* dst)
    {
        if (cols == 32 && nr == 32)
        {
            for (int p = 0; p < kc; p++)
            {
                Vector512.Load(src + p * ldb).Store(dst + p * 32);
                Vector512.Load(src + p * ldb + 16).Store(dst + p * 32 + 16);
            }

            return;
        }

        for (int p = 0; p < kc; p++)
        {
            var to = new Span<float>(dst + p * nr, nr);
            new ReadOnlySpan<float>(src + p * ldb, cols).CopyTo(to);
            if (cols < nr)
            {
                to[cols..].Clear();
            }
        }
    }

    /// <summary>B stored [n, k]: 4 x 4 blocks of source rows (panel columns) are transposed into the panel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackBColumnsTransposed(float* src, nint ldb, int cols, int kc, int nr, float* dst)
    {
        if (cols < nr)
        {
            new Span<float>(dst, kc * nr).Clear();
        }

        int j = 0;
        for (; j <= cols - 4; j += 4)
        {
            Transpose.Rows4(src + j * ldb, ldb, kc, dst + j, nr, 1f);
        }

        for (; j < cols; j++)
        {
            float* from = src + j * ldb;
            for (int p = 0; p < kc; p++)
            {
                dst[p * nr + j] = from[p];
            }
        }
    }
}
