using System.Runtime.CompilerServices;
using System.Numerics.Tensors;

namespace Demix.Engine.Kernels;

/// <summary>
/// The one-row product (vector times matrix) with B stored [k, n]: C[0, :] accumulates a[p] * B[p, :]
/// in column chunks that stay in L1, each row of B streamed once.
/// </summary>
internal static unsafe class GemmRow
{
    private const int Chunk = 1024;

    public static void Run(in GemmArgs g, int threads)
    {
        int chunks = (g.N + Chunk - 1) / Chunk;
        if (threads <= 1 || chunks <= 1)
        {
            RunColumns(g, 0, g.N);
            return;
        }

        GemmArgs args = g;
        ParallelWork.Run(chunks, threads, item =>
        {
            int start = item * Chunk;
            RunColumns(args, start, Math.Min(Chunk, args.N - start));
        });
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunColumns(in GemmArgs g, int j0, int count)
    {
        float* acc = stackalloc float[Chunk];
        for (int j = j0; j < j0 + count; j += Chunk)
        {
            int width = Math.Min(Chunk, j0 + count - j);
            var sum = new Span<float>(acc, width);
            sum.Clear();
            for (int p = 0; p < g.K; p++)
            {
                var bRow = new ReadOnlySpan<float>(g.B + p * g.Ldb + j, width);
                TensorPrimitives.MultiplyAdd(bRow, g.AAt(0, p), sum, sum);
            }

            var cRow = new Span<float>(g.C + j, width);
            if (g.Beta == 0f)
            {
                TensorPrimitives.Multiply(sum, g.Alpha, cRow);
            }
            else
            {
                TensorPrimitives.Multiply(cRow, g.Beta, cRow);
                TensorPrimitives.MultiplyAdd(sum, g.Alpha, cRow, cRow);
            }
        }
    }
}
