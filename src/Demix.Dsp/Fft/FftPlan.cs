namespace Demix.Dsp.Fft;

/// <summary>
/// Precomputed tables for one complex FFT size: the stage list of the Stockham autosort radix-4/radix-2
/// decimation-in-frequency factorisation and its twiddle factors, computed in float64 and rounded once.
/// </summary>
/// <remarks>
/// Stage <c>(n, s)</c> with <c>m = n / radix</c> reads <c>x[q + s (p + j m)]</c> and writes
/// <c>y[q + s (radix p + j)]</c> for <c>p &lt; m</c>, <c>q &lt; s</c>; the output is in natural order.
/// Twiddles of stage <c>(n, s)</c> are <c>W_n^{j p} = exp(-2 pi i j p / n)</c>.
/// </remarks>
internal sealed class FftPlan
{
    /// <summary>Complex transform length (a power of two, at least 1).</summary>
    public int Length { get; }

    /// <summary>The stages in execution order.</summary>
    public FftStage[] Stages { get; }

    public FftPlan(int length)
    {
        if (length < 1 || (length & (length - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "The complex FFT length must be a power of two.");
        }
        Length = length;
        var stages = new List<FftStage>();
        int n = length, stride = 1;
        while (n >= 4)
        {
            stages.Add(new FftStage(4, n, stride));
            n /= 4;
            stride *= 4;
        }
        if (n == 2)
        {
            stages.Add(new FftStage(2, n, stride));
        }
        Stages = [.. stages];
    }
}

/// <summary>
/// One Stockham stage: radix 2 or 4, current length <c>N</c>, stride <c>S</c>. Twiddle tables hold
/// <c>W_N^{j p}</c> for <c>p &lt; M</c> (<c>M = N / radix</c>), one table per power j = 1..radix-1, and an
/// "expanded" copy repeated per q (index <c>p S + q</c>) used by the small-stride SIMD kernels.
/// </summary>
internal sealed class FftStage
{
    public int Radix { get; }
    public int N { get; }
    public int Stride { get; }
    public int M => N / Radix;

    /// <summary>Twiddle real/imag parts per power j (index j-1), each of length M.</summary>
    public float[][] Cos { get; }
    public float[][] Sin { get; }

    /// <summary>Twiddles repeated S times (index p*S + q), filled only for S = 4 (the lane-transposing kernels).</summary>
    public float[][] CosExpanded { get; }
    public float[][] SinExpanded { get; }

    public FftStage(int radix, int n, int stride)
    {
        Radix = radix;
        N = n;
        Stride = stride;
        int m = n / radix;
        Cos = new float[radix - 1][];
        Sin = new float[radix - 1][];
        CosExpanded = new float[radix - 1][];
        SinExpanded = new float[radix - 1][];
        bool expand = stride == 4;
        for (int j = 1; j < radix; j++)
        {
            Cos[j - 1] = new float[m];
            Sin[j - 1] = new float[m];
            CosExpanded[j - 1] = expand ? new float[m * stride] : [];
            SinExpanded[j - 1] = expand ? new float[m * stride] : [];
            for (int p = 0; p < m; p++)
            {
                // exp(-2 pi i j p / n), reduced modulo n first so large products stay exact.
                double angle = -2.0 * Math.PI * ((long)j * p % n) / n;
                float c = (float)Math.Cos(angle), s = (float)Math.Sin(angle);
                Cos[j - 1][p] = c;
                Sin[j - 1][p] = s;
                if (!expand) continue;
                for (int q = 0; q < stride; q++)
                {
                    CosExpanded[j - 1][p * stride + q] = c;
                    SinExpanded[j - 1][p * stride + q] = s;
                }
            }
        }
    }
}
