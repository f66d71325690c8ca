using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Demix.Engine.Kernels;

/// <summary>
/// Products with few rows against a transposed B (the nn.Linear / LSTM layout A[m, k] * W[n, k]^T):
/// every C entry is a dot product of two contiguous rows, computed 4 x 4 at a time in 16 AVX-512
/// accumulators, so the large W is streamed once without being packed.
/// </summary>
internal static unsafe class GemmDot
{
    /// <summary>W rows per work item for the thread split (a multiple of 4).</summary>
    private const int ColumnGrain = 64;

    public static void Run(in GemmArgs g, int threads)
    {
        int chunks = Math.Min(threads * 4, (g.N + ColumnGrain - 1) / ColumnGrain);
        if (threads <= 1 || chunks <= 1)
        {
            RunColumns(g, 0, g.N);
            return;
        }

        GemmArgs args = g;
        ParallelWork.Run(chunks, threads, item =>
        {
            (int start, int count) = Partition.Slice(args.N, 4, chunks, item);
            RunColumns(args, start, count);
        });
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunColumns(in GemmArgs g, int j0, int count)
    {
        int jEnd = j0 + count;
        for (int j = j0; j < jEnd; j += 4)
        {
            int cols = Math.Min(4, jEnd - j);
            for (int i = 0; i < g.M; i += 4)
            {
                int rows = Math.Min(4, g.M - i);
                if (rows == 4 && cols == 4)
                {
                    Block4x4(g, i, j);
                }
                else
                {
                    EdgeBlock(g, i, rows, j, cols);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void EdgeBlock(in GemmArgs g, int i0, int rows, int j0, int cols)
    {
        for (int i = i0; i < i0 + rows; i++)
        {
            var aRow = new ReadOnlySpan<float>(g.A + i * g.Lda, g.K);
            for (int j = j0; j < j0 + cols; j++)
            {
                float dot = TensorPrimitives.Dot(aRow, new ReadOnlySpan<float>(g.B + j * g.Ldb, g.K));
                Store(g, i, j, dot);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(in GemmArgs g, int i, int j, float dot)
    {
        float* cell = g.C + i * g.Ldc + j;
        *cell = g.Beta == 0f ? g.Alpha * dot : g.Alpha * dot + g.Beta * *cell;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block4x4(in GemmArgs g, int i0, int j0)
    {
        float* a0 = g.A + i0 * g.Lda, a1 = a0 + g.Lda, a2 = a1 + g.Lda, a3 = a2 + g.Lda;
        float* w0 = g.B + j0 * g.Ldb, w1 = w0 + g.Ldb, w2 = w1 + g.Ldb, w3 = w2 + g.Ldb;
        Vector512<float> s00 = default, s01 = default, s02 = default, s03 = default;
        Vector512<float> s10 = default, s11 = default, s12 = default, s13 = default;
        Vector512<float> s20 = default, s21 = default, s22 = default, s23 = default;
        Vector512<float> s30 = default, s31 = default, s32 = default, s33 = default;
        int p = 0;
        for (; p <= g.K - 16; p += 16)
        {
            var v0 = Vector512.Load(w0 + p); var v1 = Vector512.Load(w1 + p);
            var v2 = Vector512.Load(w2 + p); var v3 = Vector512.Load(w3 + p);
            var x = Vector512.Load(a0 + p);
            s00 = Vector512.FusedMultiplyAdd(x, v0, s00); s01 = Vector512.FusedMultiplyAdd(x, v1, s01);
            s02 = Vector512.FusedMultiplyAdd(x, v2, s02); s03 = Vector512.FusedMultiplyAdd(x, v3, s03);
            x = Vector512.Load(a1 + p);
            s10 = Vector512.FusedMultiplyAdd(x, v0, s10); s11 = Vector512.FusedMultiplyAdd(x, v1, s11);
            s12 = Vector512.FusedMultiplyAdd(x, v2, s12); s13 = Vector512.FusedMultiplyAdd(x, v3, s13);
            x = Vector512.Load(a2 + p);
            s20 = Vector512.FusedMultiplyAdd(x, v0, s20); s21 = Vector512.FusedMultiplyAdd(x, v1, s21);
            s22 = Vector512.FusedMultiplyAdd(x, v2, s22); s23 = Vector512.FusedMultiplyAdd(x, v3, s23);
            x = Vector512.Load(a3 + p);
            s30 = Vector512.FusedMultiplyAdd(x, v0, s30); s31 = Vector512.FusedMultiplyAdd(x, v1, s31);
            s32 = Vector512.FusedMultiplyAdd(x, v2, s32); s33 = Vector512.FusedMultiplyAdd(x, v3, s33);
        }

        int tail = g.K - p;
        Finish(g, i0, j0, 0, a0 + p, w0 + p, w1 + p, w2 + p, w3 + p, tail, s00, s01, s02, s03);
        Finish(g, i0, j0, 1, a1 + p, w0 + p, w1 + p, w2 + p, w3 + p, tail, s10, s11, s12, s13);
        Finish(g, i0, j0, 2, a2 + p, w0 + p, w1 + p, w2 + p, w3 + p, tail, s20, s21, s22, s23);
        Finish(g, i0, j0, 3, a3 + p, w0 + p, w1 + p, w2 + p, w3 + p, tail, s30, s31, s32, s33);
    }

    /// <summary>Reduces one row's four accumulators, adds the last k % 16 terms and stores the four C entries.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish(in GemmArgs g, int i0, int j0, int r, float* a, float* w0, float* w1, float* w2,
        float* w3, int tail, Vector512<float> s0, Vector512<float> s1, Vector512<float> s2, Vector512<float> s3)
    {
        float d0 = Vector512.Sum(s0), d1 = Vector512.Sum(s1), d2 = Vector512.Sum(s2), d3 = Vector512.Sum(s3);
        for (int q = 0; q < tail; q++)
        {
            d0 += a[q] * w0[q];
            d1 += a[q] * w1[q];
            d2 += a[q] * w2[q];
            d3 += a[q] * w3[q];
        }

        Store(g, i0 + r, j0, d0);
        Store(g, i0 + r, j0 + 1, d1);
        Store(g, i0 + r, j0 + 2, d2);
        Store(g, i0 + r, j0 + 3, d3);
    }
}
