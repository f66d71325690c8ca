namespace Demix.Engine.Kernels;

/// <summary>
/// The multithreaded blocked SGEMM. Many rows: op(B) is packed once into a shared buffer (threads pack
/// panel groups), then threads take row blocks of C, each packing its own A block. Few rows: threads take
/// column chunks of C and read B in place. Items are taken from a counter, so the split adapts to load.
/// </summary>
internal static unsafe class GemmParallel<TK> where TK : struct, IMicroKernel
{
    /// <summary>Work items per thread: enough to even out a busy core, few enough to keep packing cheap.</summary>
    private const int ItemsPerThread = 4;

    /// <summary>Rows of C split into row blocks: op(B) packed once and shared.</summary>
    public static void RunRowBlocks(in GemmArgs g, int threads)
    {
        int kStep = GemmBlocked<TK>.KStep(g.K);
        int kBlocks = (g.K + kStep - 1) / kStep;
        int panels = (g.N + TK.Nr - 1) / TK.Nr;
        nint panelFloats = (nint)panels * TK.Nr;
        SharedBuffer shared = SharedBuffer.Rent(panelFloats * g.K);
        try
        {
            GemmArgs args = g;
            float* packedB = shared.Pointer;
            int groups = Math.Max(1, Math.Min(panels, threads * ItemsPerThread));
            ParallelWork.Run(kBlocks * groups, threads, item =>
            {
                int pc = item / groups * kStep;
                int kc = Math.Min(kStep, args.K - pc);
                (int j0, int nc) = Partition.Slice(args.N, TK.Nr, groups, item % groups);
                GemmPacking.PackB(args, pc, kc, j0, nc, TK.Nr, packedB + pc * panelFloats + (nint)j0 * kc);
            });

            int mStep = RowStep(g.M, threads);
            ParallelWork.Run((g.M + mStep - 1) / mStep, threads, item =>
                RunRows(args, item * mStep, Math.Min(mStep, args.M - item * mStep), kStep, packedB, panelFloats));
        }
        finally
        {
            shared.Return();
        }
    }

    /// <summary>Columns of C split into chunks, each a serial blocked product (B packed per chunk or read in place).</summary>
    public static void RunColumnChunks(in GemmArgs g, int threads, bool packB)
    {
        GemmArgs args = g;
        int panels = (g.N + TK.Nr - 1) / TK.Nr;
        int chunks = Math.Max(1, Math.Min(panels, threads * ItemsPerThread));
        ParallelWork.Run(chunks, threads, item =>
        {
            (int j0, int count) = Partition.Slice(args.N, TK.Nr, chunks, item);
            GemmBlocked<TK>.Run(args, 0, args.M, j0, count, packB);
        });
    }

    /// <summary>Row-block height: at most Mc, small enough for ItemsPerThread items per thread, a multiple of Mr.</summary>
    private static int RowStep(int m, int threads)
    {
        int step = (m + threads * ItemsPerThread - 1) / (threads * ItemsPerThread);
        step = (step + TK.Mr - 1) / TK.Mr * TK.Mr;
        return Math.Clamp(step, TK.Mr, GemmBlocked<TK>.Mc);
    }

    /// <summary>One row block of C against the whole shared packed op(B).</summary>
    private static void RunRows(in GemmArgs g, int i0, int mc, int kStep, float* packedB, nint panelFloats)
    {
        PackBuffers buffers = PackBuffers.ForThisThread(GemmBlocked<TK>.Mc * GemmBlocked<TK>.Kc, 0);
        for (int pc = 0; pc < g.K; pc += kStep)
        {
            int kc = Math.Min(kStep, g.K - pc);
            GemmPacking.PackA(g, i0, mc, pc, kc, TK.Mr, buffers.A);
            float beta = pc == 0 ? g.Beta : 1f;
            for (int jc = 0; jc < g.N; jc += GemmBlocked<TK>.Nc)
            {
                int nc = Math.Min(GemmBlocked<TK>.Nc, g.N - jc);
                var block = new GemmBlock(i0, mc, jc, nc, pc, kc, beta);
                GemmBlocked<TK>.RunBlock(g, block, buffers.A, packedB + pc * panelFloats + (nint)jc * kc, null);
            }
        }
    }
}
