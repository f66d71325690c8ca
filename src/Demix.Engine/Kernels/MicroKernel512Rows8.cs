using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Demix.Engine.Kernels;

/// <summary>
/// The AVX-512 tile for the last 8 (or fewer) rows of a product whose row count is not a multiple of 12:
/// 8x32 of C from an A panel packed [kc][12] (only the first 8 rows are read), so that e.g. 16 rows cost
/// 12 + 8 rows of work instead of 24.
/// </summary>
internal static class MicroKernel512Rows8
{
    /// <summary>C[8, 32] = acc + beta * C (beta 0: C is not read); a advances by 12 floats per k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Run(int kc, float* a, float* b, nint bStride, float* c, nint ldc, float beta)
    {
        Vector512<float> c0a = default, c0b = default;
        Vector512<float> c1a = default, c1b = default;
        Vector512<float> c2a = default, c2b = default;
        Vector512<float> c3a = default, c3b = default;
        Vector512<float> c4a = default, c4b = default;
        Vector512<float> c5a = default, c5b = default;
        Vector512<float> c6a = default, c6b = default;
        Vector512<float> c7a = default, c7b = default;
        for (int p = 0; p < kc; p++)
        {
            Vector512<float> b0 = Vector512.Load(b), b1 = Vector512.Load(b + 16);
            Vector512<float> a0 = Vector512.Create(a[0]);
            c0a = Vector512.FusedMultiplyAdd(a0, b0, c0a); c0b = Vector512.FusedMultiplyAdd(a0, b1, c0b);
            Vector512<float> a1 = Vector512.Create(a[1]);
            c1a = Vector512.FusedMultiplyAdd(a1, b0, c1a); c1b = Vector512.FusedMultiplyAdd(a1, b1, c1b);
            Vector512<float> a2 = Vector512.Create(a[2]);
            c2a = Vector512.FusedMultiplyAdd(a2, b0, c2a); c2b = Vector512.FusedMultiplyAdd(a2, b1, c2b);
            Vector512<float> a3 = Vector512.Create(a[3]);
            c3a = Vector512.FusedMultiplyAdd(a3, b0, c3a); c3b = Vector512.FusedMultiplyAdd(a3, b1, c3b);
            Vector512<float> a4 = Vector512.Create(a[4]);
            c4a = Vector512.FusedMultiplyAdd(a4, b0, c4a); c4b = Vector512.FusedMultiplyAdd(a4, b1, c4b);
            Vector512<float> a5 = Vector512.Create(a[5]);
            c5a = Vector512.FusedMultiplyAdd(a5, b0, c5a); c5b = Vector512.FusedMultiplyAdd(a5, b1, c5b);
            Vector512<float> a6 = Vector512.Create(a[6]);
            c6a = Vector512.FusedMultiplyAdd(a6, b0, c6a); c6b = Vector512.FusedMultiplyAdd(a6, b1, c6b);
            Vector512<float> a7 = Vector512.Create(a[7]);
            c7a = Vector512.FusedMultiplyAdd(a7, b0, c7a); c7b = Vector512.FusedMultiplyAdd(a7, b1, c7b);
            a += 12;
            b += bStride;
        }

        Vector512<float> vb = Vector512.Create(beta);
        bool overwrite = beta == 0f;
        TileStore.Row(c + 0 * ldc, c0a, c0b, vb, overwrite);
        TileStore.Row(c + 1 * ldc, c1a, c1b, vb, overwrite);
        TileStore.Row(c + 2 * ldc, c2a, c2b, vb, overwrite);
        TileStore.Row(c + 3 * ldc, c3a, c3b, vb, overwrite);
        TileStore.Row(c + 4 * ldc, c4a, c4b, vb, overwrite);
        TileStore.Row(c + 5 * ldc, c5a, c5b, vb, overwrite);
        TileStore.Row(c + 6 * ldc, c6a, c6b, vb, overwrite);
        TileStore.Row(c + 7 * ldc, c7a, c7b, vb, overwrite);
    }
}
