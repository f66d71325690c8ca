using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Demix.Engine.Kernels;

/// <summary>
/// The AVX2 register tile of the SGEMM (machines without AVX-512): a 6x16 block of C in 12 ymm
/// accumulators. A is packed [kc][6], B is read as [kc] rows of 16 floats with a row stride.
/// </summary>
internal readonly struct MicroKernel256 : IMicroKernel
{
    public static int Mr => 6;

    public static int Nr => 16;

    public static bool IsSupported => Vector256.IsHardwareAccelerated;

    /// <summary>C[Mr, 16] = acc + beta * C (beta 0: C is not read).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Run(int kc, float* a, float* b, nint bStride, float* c, nint ldc, float beta)
    {
        Vector256<float> c0a = default, c0b = default;
        Vector256<float> c1a = default, c1b = default;
        Vector256<float> c2a = default, c2b = default;
        Vector256<float> c3a = default, c3b = default;
        Vector256<float> c4a = default, c4b = default;
        Vector256<float> c5a = default, c5b = default;
        for (int p = 0; p < kc; p++)
        {
            Vector256<float> b0 = Vector256.Load(b), b1 = Vector256.Load(b + 8);
            Vector256<float> a0 = Vector256.Create(a[0]);
            c0a = Vector256.FusedMultiplyAdd(a0, b0, c0a); c0b = Vector256.FusedMultiplyAdd(a0, b1, c0b);
            Vector256<float> a1 = Vector256.Create(a[1]);
            c1a = Vector256.FusedMultiplyAdd(a1, b0, c1a); c1b = Vector256.FusedMultiplyAdd(a1, b1, c1b);
            Vector256<float> a2 = Vector256.Create(a[2]);
            c2a = Vector256.FusedMultiplyAdd(a2, b0, c2a); c2b = Vector256.FusedMultiplyAdd(a2, b1, c2b);
            Vector256<float> a3 = Vector256.Create(a[3]);
            c3a = Vector256.FusedMultiplyAdd(a3, b0, c3a); c3b = Vector256.FusedMultiplyAdd(a3, b1, c3b);
            Vector256<float> a4 = Vector256.Create(a[4]);
            c4a = Vector256.FusedMultiplyAdd(a4, b0, c4a); c4b = Vector256.FusedMultiplyAdd(a4, b1, c4b);
            Vector256<float> a5 = Vector256.Create(a[5]);
            c5a = Vector256.FusedMultiplyAdd(a5, b0, c5a); c5b = Vector256.FusedMultiplyAdd(a5, b1, c5b);
            a += 6;
            b += bStride;
        }

        Vector256<float> vb = Vector256.Create(beta);
        Update(c + 0 * ldc, c0a, c0b, vb, beta == 0f);
        Update(c + 1 * ldc, c1a, c1b, vb, beta == 0f);
        Update(c + 2 * ldc, c2a, c2b, vb, beta == 0f);
        Update(c + 3 * ldc, c3a, c3b, vb, beta == 0f);
        Update(c + 4 * ldc, c4a, c4b, vb, beta == 0f);
        Update(c + 5 * ldc, c5a, c5b, vb, beta == 0f);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Update(float* row, Vector256<float> lo, Vector256<float> hi, Vector256<float> beta, bool overwrite)
    {
        if (overwrite)
        {
            lo.Store(row);
            hi.Store(row + 8);
            return;
        }

        Vector256.FusedMultiplyAdd(beta, Vector256.Load(row), lo).Store(row);
        Vector256.FusedMultiplyAdd(beta, Vector256.Load(row + 8), hi).Store(row + 8);
    }
}
