using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Demix.Engine.Kernels;

/// <summary>Copies between a contiguous run and every stride-th element of a row (the inner loops of im2col).</summary>
internal static unsafe class StridedCopy
{
    /// <summary>to[i] = from[i * stride] for i in [0, count).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Gather(float* from, int stride, float* to, int count)
    {
        if (stride == 1)
        {
            new ReadOnlySpan<float>(from, count).CopyTo(new Span<float>(to, count));
            return;
        }

        int i = 0;
        if (stride == 2 && Avx512F.IsSupported)
        {
            Vector512<int> evens = Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
            for (; i <= count - 16; i += 16)
            {
                // reads from[2i .. 2i + 31]; the last read element 2i + 31 <= 2 (count - 1) + 1 needs the guard below
                if (2 * i + 31 > 2 * (count - 1))
                {
                    break;
                }

                Avx512F.PermuteVar16x32x2(Vector512.Load(from + 2 * i), evens, Vector512.Load(from + 2 * i + 16)).Store(to + i);
            }
        }

        for (; i < count; i++)
        {
            to[i] = from[i * stride];
        }
    }

    /// <summary>to[i * stride] += from[i] for i in [0, count).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ScatterAdd(float* from, float* to, int stride, int count)
    {
        if (stride == 1)
        {
            var target = new Span<float>(to, count);
            TensorPrimitives.Add(target, new ReadOnlySpan<float>(from, count), target);
            return;
        }

        int i = 0;
        if (stride == 2 && Avx512F.IsSupported)
        {
            Vector512<int> low = Vector512.Create(0, 16, 1, 16, 2, 16, 3, 16, 4, 16, 5, 16, 6, 16, 7, 16);
            Vector512<int> high = Vector512.Create(8, 16, 9, 16, 10, 16, 11, 16, 12, 16, 13, 16, 14, 16, 15, 16);
            for (; i <= count - 16 && 2 * i + 31 <= 2 * (count - 1); i += 16)
            {
                Vector512<float> values = Vector512.Load(from + i);
                float* t = to + 2 * i;
                (Vector512.Load(t) + Avx512F.PermuteVar16x32x2(values, low, Vector512<float>.Zero)).Store(t);
                (Vector512.Load(t + 16) + Avx512F.PermuteVar16x32x2(values, high, Vector512<float>.Zero)).Store(t + 16);
            }
        }

        for (; i < count; i++)
        {
            to[i * stride] += from[i];
        }
    }
}
