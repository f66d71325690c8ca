using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Demix.Engine.Kernels;

/// <summary>
/// The AVX-512 register tile of the SGEMM: a 12x32 block of C held in 24 zmm accumulators.
/// A is packed [kc][12] (one broadcast per row and k), B is read as [kc] rows of 32 floats with a
/// row stride (the packed panel stride 32, or the leading dimension when B is used in place).
/// </summary>
internal readonly struct MicroKernel512 : IMicroKernel
{
    public static int Mr => 12;

    public static int Nr => 32;

    public static bool IsSupported => Vector512.IsHardwareAccelerated;

    /// <summary>C[Mr, 32] = acc + beta * C (beta 0: C is not read).</summary>
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
        Vector512<float> c8a = default, c8b = default;
        Vector512<float> c9a = default, c9b = default;
        Vector512<float> c10a = default, c10b = default;
        Vector512<float> c11a = default, c11b = default;
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
            Vector512<float> a8 = Vector512.Create(a[8]);
            c8a = Vector512.FusedMultiplyAdd(a8, b0, c8a); c8b = Vector512.FusedMultiplyAdd(a8, b1, c8b);
            Vector512<float> a9 = Vector512.Create(a[9]);
            c9a = Vector512.FusedMultiplyAdd(a9, b0, c9a); c9b = Vector512.FusedMultiplyAdd(a9, b1, c9b);
            Vector512<float> a10 = Vector512.Create(a[10]);
            c10a = Vector512.FusedMultiplyAdd(a10, b0, c10a); c10b = Vector512.FusedMultiplyAdd(a10, b1, c10b);
            Vector512<float> a11 = Vector512.Create(a[11]);
            c11a = Vector512.FusedMultiplyAdd(a11, b0, c11a); c11b = Vector512.FusedMultiplyAdd(a11, b1, c11b);
            a += 12;
            b += bStride;
        }

        if (beta == 0f)
        {
            Store(c + 0 * ldc, c0a, c0b);
            Store(c + 1 * ldc, c1a, c1b);
            Store(c + 2 * ldc, c2a, c2b);
            Store(c + 3 * ldc, c3a, c3b);
            Store(c + 4 * ldc, c4a, c4b);
            Store(c + 5 * ldc, c5a, c5b);
            Store(c + 6 * ldc, c6a, c6b);
            Store(c + 7 * ldc, c7a, c7b);
            Store(c + 8 * ldc, c8a, c8b);
            Store(c + 9 * ldc, c9a, c9b);
            Store(c + 10 * ldc, c10a, c10b);
            Store(c + 11 * ldc, c11a, c11b);
        }
        else
        {
            Vector512<float> vb = Vector512.Create(beta);
            Update(c + 0 * ldc, c0a, c0b, vb);
            Update(c + 1 * ldc, c1a, c1b, vb);
            Update(c + 2 * ldc, c2a, c2b, vb);
            Update(c + 3 * ldc, c3a, c3b, vb);
            Update(c + 4 * ldc, c4a, c4b, vb);
            Update(c + 5 * ldc, c5a, c5b, vb);
            Update(c + 6 * ldc, c6a, c6b, vb);
            Update(c + 7 * ldc, c7a, c7b, vb);
            Update(c + 8 * ldc, c8a, c8b, vb);
            Update(c + 9 * ldc, c9a, c9b, vb);
            Update(c + 10 * ldc, c10a, c10b, vb);
            Update(c + 11 * ldc, c11a, c11b, vb);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Store(float* row, Vector512<float> lo, Vector512<float> hi)
    {
        lo.Store(row);
        hi.Store(row + 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Update(float* row, Vector512<float> lo, Vector512<float> hi, Vector512<float> beta)
    {
        Vector512.FusedMultiplyAdd(beta, Vector512.Load(row), lo).Store(row);
        Vector512.FusedMultiplyAdd(beta, Vector512.Load(row + 16), hi).Store(row + 16);
    }
}
