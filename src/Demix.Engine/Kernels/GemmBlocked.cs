using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Demix.Engine.Kernels;

/// <summary>
/// The cache-blocked SGEMM loop nest (Goto/BLIS order) for one thread's block of C:
/// N in blocks of <see cref="Nc"/> columns (packed B block in L2/L3), K in blocks of <see cref="Kc"/>
/// (one kc x nr B panel stays in L1), M in blocks of <see cref="Mc"/> rows (packed A block in L2),
/// then Nr-wide B panels and Mr-high A panels through the register tile <typeparamref name="TK"/>.
/// </summary>
internal static unsafe class GemmBlocked<TK> where TK : struct, IMicroKernel
{
    /// <summary>
    /// Largest depth of one packed block; K is cut into near-equal blocks up to this depth (fewer passes over C;
    /// a 512 x 32 B panel streams from L2 at full speed on Zen 5).
    /// </summary>
    public const int Kc = 512;

    /// <summary>Rows of one packed A block: 144 x 512 floats = 288 KiB of the 1 MiB L2 of a Zen 5 core.</summary>
    public const int Mc = 144;

    /// <summary>Columns of one packed B block: 512 x 2048 floats = 4 MiB (L3).</summary>
    public const int Nc = 2048;

    /// <summary>Depth of the K blocks for a product of depth k: near-equal blocks of at most <see cref="Kc"/>, multiples of 8.</summary>
    public static int KStep(int k)
    {
        int blocks = Math.Max(1, (k + Kc - 1) / Kc);
        return ((k + blocks - 1) / blocks + 7) & ~7;
    }

    /// <summary>
    /// C[m0.., n0..] block of mCount x nCount on the calling thread. When <paramref name="packB"/> is false,
    /// full-width B panels are read in place (op(B) must be untransposed), which saves the copy for products
    /// with few rows.
    /// </summary>
    public static void Run(in GemmArgs g, int m0, int mCount, int n0, int nCount, bool packB)
    {
        PackBuffers buffers = PackBuffers.ForThisThread(Mc * Kc + TK.Mr * Kc, Kc * Nc + Kc * TK.Nr);
        int kStep = KStep(g.K);
        for (int jc = 0; jc < nCount; jc += Nc)
        {
            int nc = Math.Min(Nc, nCount - jc);
            for (int pc = 0; pc < g.K; pc += kStep)
            {
                int kc = Math.Min(kStep, g.K - pc);
                if (packB)
                {
                    GemmPacking.PackB(g, pc, kc, n0 + jc, nc, TK.Nr, buffers.B);
                }

                float beta = pc == 0 ? g.Beta : 1f;
                for (int ic = 0; ic < mCount; ic += Mc)
                {
                    int mc = Math.Min(Mc, mCount - ic);
                    GemmPacking.PackA(g, m0 + ic, mc, pc, kc, TK.Mr, buffers.A);
                    var block = new GemmBlock(m0 + ic, mc, n0 + jc, nc, pc, kc, beta);
                    RunBlock(g, block, buffers.A, packB ? buffers.B : null, buffers.B + (nint)Kc * Nc);
                }
            }
        }
    }

    /// <summary>
    /// Every register tile of one packed mc x kc A block against one kc x nc B block, packed at
    /// <paramref name="packedB"/> ([nc / Nr][kc][Nr]) or, when that is null, read in place from op(B)
    /// (edge panels are then packed into <paramref name="edgeB"/>, room for kc x Nr floats).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void RunBlock(in GemmArgs g, in GemmBlock block, float* packedA, float* packedB, float* edgeB)
    {
        float* edge = stackalloc float[TK.Mr * TK.Nr];
        for (int jr = 0; jr < block.Nc; jr += TK.Nr)
        {
            int nr = Math.Min(TK.Nr, block.Nc - jr);
            float* bPanel;
            nint bStride;
            if (packedB != null)
            {
                bPanel = packedB + (nint)jr * block.Kc;
                bStride = TK.Nr;
            }
            else if (nr == TK.Nr)
            {
                bPanel = g.B + block.P0 * g.Ldb + block.J0 + jr;
                bStride = g.Ldb;
            }
            else
            {
                GemmPacking.PackB(g, block.P0, block.Kc, block.J0 + jr, nr, TK.Nr, edgeB);
                bPanel = edgeB;
                bStride = TK.Nr;
            }

            RunPanel(g, block, packedA, bPanel, bStride, jr, nr, edge);
        }
    }

    /// <summary>One B panel (kc x Nr) against every A panel of the block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RunPanel(in GemmArgs g, in GemmBlock block, float* packedA, float* bPanel, nint bStride,
        int jr, int nr, float* edge)
    {
        for (int ir = 0; ir < block.Mc; ir += TK.Mr)
        {
            int mr = Math.Min(TK.Mr, block.Mc - ir);
            float* aPanel = packedA + (nint)ir * block.Kc;
            float* c = g.C + (block.I0 + ir) * g.Ldc + block.J0 + jr;
            if (mr == TK.Mr && nr == TK.Nr)
            {
                TK.Run(block.Kc, aPanel, bPanel, bStride, c, g.Ldc, block.Beta);
            }
            else if (nr == TK.Nr && TK.Mr == 12 && TK.Nr == 32 && mr <= 8)
            {
                RunShortTile(block.Kc, aPanel, bPanel, bStride, c, g.Ldc, block.Beta, mr, edge);
            }
            else
            {
                TK.Run(block.Kc, aPanel, bPanel, bStride, edge, TK.Nr, 0f);
                MergeEdge(edge, c, g.Ldc, mr, nr, block.Beta);
            }
        }
    }

    /// <summary>The last mr &lt;= 8 rows of an AVX-512 product through the 4- or 8-row tile (C written in place when mr is 4 or 8).</summary>
    private static void RunShortTile(int kc, float* aPanel, float* bPanel, nint bStride, float* c, nint ldc, float beta, int mr, float* edge)
    {
        if (mr == 4 || mr == 8)
        {
            RunRows(mr, kc, aPanel, bPanel, bStride, c, ldc, beta);
            return;
        }

        RunRows(mr, kc, aPanel, bPanel, bStride, edge, TK.Nr, 0f);
        MergeEdge(edge, c, ldc, mr, TK.Nr, beta);
    }

    private static void RunRows(int mr, int kc, float* aPanel, float* bPanel, nint bStride, float* c, nint ldc, float beta)
    {
        if (mr <= 4)
        {
            MicroKernel512Rows4.Run(kc, aPanel, bPanel, bStride, c, ldc, beta);
        }
        else
        {
            MicroKernel512Rows8.Run(kc, aPanel, bPanel, bStride, c, ldc, beta);
        }
    }

    /// <summary>C[:mr, :nr] = tile + beta * C for a tile cut by the edge of C.</summary>
    private static void MergeEdge(float* tile, float* c, nint ldc, int mr, int nr, float beta)
    {
        for (int r = 0; r < mr; r++)
        {
            float* row = c + r * ldc;
            float* src = tile + r * TK.Nr;
            for (int j = 0; j < nr; j++)
            {
                row[j] = beta == 0f ? src[j] : src[j] + beta * row[j];
            }
        }
    }

}

/// <summary>The position of one (A block, B block) pair in the product: rows, columns, depth range and the beta to apply.</summary>
internal readonly record struct GemmBlock(int I0, int Mc, int J0, int Nc, int P0, int Kc, float Beta);
