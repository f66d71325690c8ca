namespace Demix.Engine.Kernels;

/// <summary>The portable 4x4 tile of the SGEMM for machines without 256-bit vectors.</summary>
internal readonly struct MicroKernelScalar : IMicroKernel
{
    public static int Mr => 4;

    public static int Nr => 4;

    public static bool IsSupported => true;

    /// <summary>C[4, 4] = acc + beta * C (beta 0: C is not read).</summary>
    public static unsafe void Run(int kc, float* a, float* b, nint bStride, float* c, nint ldc, float beta)
    {
        float* acc = stackalloc float[16];
        new Span<float>(acc, 16).Clear();
        for (int p = 0; p < kc; p++)
        {
            for (int r = 0; r < 4; r++)
            {
                float ar = a[r];
                acc[r * 4] += ar * b[0];
                acc[r * 4 + 1] += ar * b[1];
                acc[r * 4 + 2] += ar * b[2];
                acc[r * 4 + 3] += ar * b[3];
            }

            a += 4;
            b += bStride;
        }

        for (int r = 0; r < 4; r++)
        {
            for (int j = 0; j < 4; j++)
            {
                float* cell = c + r * ldc + j;
                *cell = beta == 0f ? acc[r * 4 + j] : acc[r * 4 + j] + beta * *cell;
            }
        }
    }
}
