using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Demix.Engine.Kernels;

/// <summary>Small transposes used by the packing routines (SSE 4 x 4 blocks, scalar elsewhere).</summary>
internal static unsafe class Transpose
{
    /// <summary>
    /// dst[p * dstStride + r] = scale * src[r * srcStride + p] for r in 0..4 and p in 0..count:
    /// four source rows become four adjacent columns of the destination.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Rows4(float* src, nint srcStride, int count, float* dst, nint dstStride, float scale)
    {
        float* s0 = src, s1 = src + srcStride, s2 = s1 + srcStride, s3 = s2 + srcStride;
        int p = 0;
        if (Sse.IsSupported)
        {
            var vs = Vector128.Create(scale);
            for (; p <= count - 4; p += 4)
            {
                Block4x4(Vector128.Load(s0 + p) * vs, Vector128.Load(s1 + p) * vs,
                    Vector128.Load(s2 + p) * vs, Vector128.Load(s3 + p) * vs, dst + p * dstStride, dstStride);
            }
        }

        for (; p < count; p++)
        {
            float* d = dst + p * dstStride;
            d[0] = scale * s0[p];
            d[1] = scale * s1[p];
            d[2] = scale * s2[p];
            d[3] = scale * s3[p];
        }
    }

    /// <summary>Stores the transpose of the 4 x 4 block with rows r0..r3 at dst, rows dstStride apart.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block4x4(Vector128<float> r0, Vector128<float> r1, Vector128<float> r2, Vector128<float> r3,
        float* dst, nint dstStride)
    {
        Vector128<float> t0 = Sse.UnpackLow(r0, r1);   // a0 b0 a1 b1
        Vector128<float> t1 = Sse.UnpackLow(r2, r3);   // c0 d0 c1 d1
        Vector128<float> t2 = Sse.UnpackHigh(r0, r1);  // a2 b2 a3 b3
        Vector128<float> t3 = Sse.UnpackHigh(r2, r3);  // c2 d2 c3 d3
        Sse.MoveLowToHigh(t0, t1).Store(dst);
        Sse.MoveHighToLow(t1, t0).Store(dst + dstStride);
        Sse.MoveLowToHigh(t2, t3).Store(dst + 2 * dstStride);
        Sse.MoveHighToLow(t3, t2).Store(dst + 3 * dstStride);
    }
}
