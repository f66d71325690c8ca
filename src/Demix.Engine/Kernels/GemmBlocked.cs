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
    /// <summary>Depth of one packed block: a 256 x 32 B panel is 32 KiB of the 48 KiB L1d of a Zen 5 core.</summary>
    public const int Kc = 256;

    /// <summary>Rows of one packed A block: 384 x 256 floats = 384 KiB of the 1 MiB L2.</summary>
    public const int Mc = 384;

    /// <summary>Columns of one packed B block: 256 x 2048 floats = 2 MiB (L3).</summary>
    public const int Nc = 2048;

    /// <summary>
    /// C[m0.., n0..] block of mCount x nCount. When <paramref name="packB"/> is false, full-width B panels
    /// are read in place (op(B) must be untransposed), which saves the copy for products with few rows.
    /// </summary>
    public static void Run(in GemmArgs g, int m0, int mCount, int n0, int nCount, bool packB)
    {
        PackBuffers buffers = PackBuffers.ForThisThread(Mc * Kc + TK.Mr * Kc, Kc * Nc + Kc * TK.Nr);
        for (int jc = 0; jc < nCount; jc += Nc)
        {
            int nc = Math.Min(Nc, nCount - jc);
            for (int pc = 0; pc < g.K; pc += Kc)
            {
                int kc = Math.Min(Kc, g.K - pc);
                if (packB)
                {
                    GemmPacking.PackB(g, pc, kc, n0 + jc, nc, TK.Nr, buffers.B);
                }

                float beta = pc == 0 ? g.Beta : 1f;
                for (int ic = 0; ic < mCount; ic += Mc)
                {
                    int mc = Math.Min(Mc, mCount - ic);
                    GemmPacking.PackA(g, m0 + ic, mc, pc, kc, TK.Mr, buffers.A);
                    var block = new Block(m0 + ic, mc, n0 + jc, nc, pc, kc, beta);
                    RunBlock(g, block, buffers, packB);
                }
            }
        }
    }

    /// <summary>Every register tile of one packed mc x kc A block against one kc x nc B block.</summary>
    private static void RunBlock(in GemmArgs g, in Block block, PackBuffers buffers, bool packedB)
    {
        float* edge = stackalloc float[TK.Mr * TK.Nr];
        float* edgeB = buffers.B + (nint)Kc * Nc;
        for (int jr = 0; jr < block.Nc; jr += TK.Nr)
        {
            int nr = Math.Min(TK.Nr, block.Nc - jr);
            float* bPanel;
            nint bStride;
            if (packedB)
            {
                bPanel = buffers.B + (nint)jr * block.Kc;
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

            for (int ir = 0; ir < block.Mc; ir += TK.Mr)
            {
                int mr = Math.Min(TK.Mr, block.Mc - ir);
                float* aPanel = buffers.A + (nint)ir * block.Kc;
                float* c = g.C + (block.I0 + ir) * g.Ldc + block.J0 + jr;
                if (mr == TK.Mr && nr == TK.Nr)
                {
                    TK.Run(block.Kc, aPanel, bPanel, bStride, c, g.Ldc, block.Beta);
                }
                else
                {
                    TK.Run(block.Kc, aPanel, bPanel, bStride, edge, TK.Nr, 0f);
                    MergeEdge(edge, c, g.Ldc, mr, nr, block.Beta);
                }
            }
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

    /// <summary>The position of one (A block, B block) pair in the product.</summary>
    private readonly record struct Block(int I0, int Mc, int J0, int Nc, int P0, int Kc, float Beta);
}

/// <summary>
/// Per-thread packing buffers, 64-byte aligned native memory that grows on demand and is freed when the
/// owning thread ends (the finalizer runs once the thread-static reference is gone).
/// </summary>
internal sealed unsafe class PackBuffers
{
    [ThreadStatic]
    private static PackBuffers? current;

    private nint capacityA;
    private nint capacityB;

    public float* A { get; private set; }

    public float* B { get; private set; }

    ~PackBuffers()
    {
        NativeMemory.AlignedFree(A);
        NativeMemory.AlignedFree(B);
    }

    /// <summary>This thread's buffers with room for at least the given numbers of floats.</summary>
    public static PackBuffers ForThisThread(nint floatsA, nint floatsB)
    {
        PackBuffers buffers = current ??= new PackBuffers();
        if (buffers.capacityA < floatsA)
        {
            NativeMemory.AlignedFree(buffers.A);
            buffers.A = (float*)NativeMemory.AlignedAlloc((nuint)(floatsA * sizeof(float)), 64);
            buffers.capacityA = floatsA;
        }

        if (buffers.capacityB < floatsB)
        {
            NativeMemory.AlignedFree(buffers.B);
            buffers.B = (float*)NativeMemory.AlignedAlloc((nuint)(floatsB * sizeof(float)), 64);
            buffers.capacityB = floatsB;
        }

        return buffers;
    }
}
