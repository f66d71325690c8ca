using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Demix.Engine.Kernels;

/// <summary>
/// The AVX-512 inner loop of <see cref="ConvSmallDirect"/>: 16 output channels x 16 adjacent output pixels of
/// one output row in 16 accumulators, summed over every kernel tap (c, ky, kx) of a zero-padded input.
/// </summary>
internal static unsafe class ConvSmallDirectTile
{
    /// <summary>
    /// out[o, x] (o &lt; 16, x &lt; 16; rows outStride apart) = sum over taps t of w[t * 16 + o] * row_t[x * stride],
    /// where row_t = input + rowOffsets[t]; stride is 1 or 2; plus bias[o] when bias is not null.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(float* input, int* rowOffsets, int taps, float* w, int stride, float* bias, float* output, nint outStride)
    {
        Vector512<float> a0 = bias == null ? default : Vector512.Create(bias[0]);
        Vector512<float> a1 = bias == null ? default : Vector512.Create(bias[1]);
        Vector512<float> a2 = bias == null ? default : Vector512.Create(bias[2]);
        Vector512<float> a3 = bias == null ? default : Vector512.Create(bias[3]);
        Vector512<float> a4 = bias == null ? default : Vector512.Create(bias[4]);
        Vector512<float> a5 = bias == null ? default : Vector512.Create(bias[5]);
        Vector512<float> a6 = bias == null ? default : Vector512.Create(bias[6]);
        Vector512<float> a7 = bias == null ? default : Vector512.Create(bias[7]);
        Vector512<float> a8 = bias == null ? default : Vector512.Create(bias[8]);
        Vector512<float> a9 = bias == null ? default : Vector512.Create(bias[9]);
        Vector512<float> a10 = bias == null ? default : Vector512.Create(bias[10]);
        Vector512<float> a11 = bias == null ? default : Vector512.Create(bias[11]);
        Vector512<float> a12 = bias == null ? default : Vector512.Create(bias[12]);
        Vector512<float> a13 = bias == null ? default : Vector512.Create(bias[13]);
        Vector512<float> a14 = bias == null ? default : Vector512.Create(bias[14]);
        Vector512<float> a15 = bias == null ? default : Vector512.Create(bias[15]);
        Vector512<int> evens = Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
        for (int t = 0; t < taps; t++)
        {
            float* row = input + rowOffsets[t];
            Vector512<float> x = stride == 1
                ? Vector512.Load(row)
                : Avx512F.PermuteVar16x32x2(Vector512.Load(row), evens, Vector512.Load(row + 16));
            a0 = Vector512.FusedMultiplyAdd(Vector512.Create(w[0]), x, a0);
            a1 = Vector512.FusedMultiplyAdd(Vector512.Create(w[1]), x, a1);
            a2 = Vector512.FusedMultiplyAdd(Vector512.Create(w[2]), x, a2);
            a3 = Vector512.FusedMultiplyAdd(Vector512.Create(w[3]), x, a3);
            a4 = Vector512.FusedMultiplyAdd(Vector512.Create(w[4]), x, a4);
            a5 = Vector512.FusedMultiplyAdd(Vector512.Create(w[5]), x, a5);
            a6 = Vector512.FusedMultiplyAdd(Vector512.Create(w[6]), x, a6);
            a7 = Vector512.FusedMultiplyAdd(Vector512.Create(w[7]), x, a7);
            a8 = Vector512.FusedMultiplyAdd(Vector512.Create(w[8]), x, a8);
            a9 = Vector512.FusedMultiplyAdd(Vector512.Create(w[9]), x, a9);
            a10 = Vector512.FusedMultiplyAdd(Vector512.Create(w[10]), x, a10);
            a11 = Vector512.FusedMultiplyAdd(Vector512.Create(w[11]), x, a11);
            a12 = Vector512.FusedMultiplyAdd(Vector512.Create(w[12]), x, a12);
            a13 = Vector512.FusedMultiplyAdd(Vector512.Create(w[13]), x, a13);
            a14 = Vector512.FusedMultiplyAdd(Vector512.Create(w[14]), x, a14);
            a15 = Vector512.FusedMultiplyAdd(Vector512.Create(w[15]), x, a15);
            w += 16;
        }

        a0.Store(output + 0 * outStride);
        a1.Store(output + 1 * outStride);
        a2.Store(output + 2 * outStride);
        a3.Store(output + 3 * outStride);
        a4.Store(output + 4 * outStride);
        a5.Store(output + 5 * outStride);
        a6.Store(output + 6 * outStride);
        a7.Store(output + 7 * outStride);
        a8.Store(output + 8 * outStride);
        a9.Store(output + 9 * outStride);
        a10.Store(output + 10 * outStride);
        a11.Store(output + 11 * outStride);
        a12.Store(output + 12 * outStride);
        a13.Store(output + 13 * outStride);
        a14.Store(output + 14 * outStride);
        a15.Store(output + 15 * outStride);
    }
}
