namespace Demix.Engine.Kernels;

/// <summary>
/// C = alpha * op(A) * B + beta * C with B from a <see cref="PackedMatrix"/>: threads take column chunks of C;
/// each packs its (small) A block per depth block and runs the register tiles on the shared packed panels.
/// </summary>
internal static unsafe class GemmPrepacked<TK> where TK : struct, IMicroKernel
{
    private const int ItemsPerThread = 4;

    public static void Run(in GemmArgs g, PackedMatrix packed, int threads)
    {
        int panels = (g.N + TK.Nr - 1) / TK.Nr;
        int chunks = threads <= 1 ? 1 : Math.Max(1, Math.Min(panels, threads * ItemsPerThread));
        GemmArgs args = g;
        ParallelWork.Run(chunks, threads, item =>
        {
            (int j0, int count) = Partition.Slice(args.N, TK.Nr, chunks, item);
            RunColumns(args, packed, j0, count);
        });
    }

    private static void RunColumns(in GemmArgs g, PackedMatrix packed, int j0, int count)
    {
        PackBuffers buffers = PackBuffers.ForThisThread(GemmBlocked<TK>.Mc * GemmBlocked<TK>.Kc, 0);
        for (int pc = 0; pc < g.K; pc += packed.KStep)
        {
            int kc = Math.Min(packed.KStep, g.K - pc);
            float beta = pc == 0 ? g.Beta : 1f;
            float* panels = packed.Block(pc) + (nint)j0 * kc;
            for (int ic = 0; ic < g.M; ic += GemmBlocked<TK>.Mc)
            {
                int mc = Math.Min(GemmBlocked<TK>.Mc, g.M - ic);
                GemmPacking.PackA(g, ic, mc, pc, kc, TK.Mr, buffers.A);
                var block = new GemmBlock(ic, mc, j0, count, pc, kc, beta);
                GemmBlocked<TK>.RunBlock(g, block, buffers.A, panels, null);
            }
        }
    }
}
