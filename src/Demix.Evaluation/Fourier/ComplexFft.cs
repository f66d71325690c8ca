using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Demix.Evaluation.Fourier;

/// <summary>
/// Unnormalised forward complex DFT of a power-of-two length on split real/imaginary arrays:
/// <c>X[k] = sum_j x[j] exp(-2 pi i j k / n)</c>. Stockham autosort (no bit reversal), so every
/// stage reads and writes unit-stride runs; from stride 8 on, pairs of stages are fused into radix-4 passes on Vector512/Vector256,
/// the three short-stride stages use AVX-512 two-source permutes when present, else scalar code.
/// An instance is immutable and thread-safe; callers pass their own work buffers.
/// </summary>
internal sealed class ComplexFft
{
    private readonly double[] cosTable; // cos(2 pi j / n), j in [0, n)
    private readonly double[] sinTable; // -sin(2 pi j / n)
    private readonly double[][] shortStrideRe; // expanded twiddles for strides 1, 2, 4: [stage][q + s p]
    private readonly double[][] shortStrideIm;

    /// <summary>Plans a transform of <paramref name="length"/> points (a power of two, at least 1).</summary>
    public ComplexFft(int length)
    {
        if (length < 1 || (length & (length - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(length), length, "The FFT length must be a power of two.");
        Length = length;
        int half = Math.Max(1, length / 2);
        cosTable = new double[length];
        sinTable = new double[length];
        for (int j = 0; j < length; j++)
        {
            double angle = 2.0 * Math.PI * j / length;
            cosTable[j] = Math.Cos(angle);
            sinTable[j] = -Math.Sin(angle);
        }
        shortStrideRe = new double[3][];
        shortStrideIm = new double[3][];
        for (int stage = 0; stage < 3; stage++) BuildShortStrideTwiddles(stage, half);
    }

    /// <summary>Number of complex points.</summary>
    public int Length { get; }

    private void BuildShortStrideTwiddles(int stage, int half)
    {
        int stride = 1 << stage;
        shortStrideRe[stage] = new double[half];
        shortStrideIm[stage] = new double[half];
        for (int i = 0; i < half; i++)
        {
            int index = i / stride * stride; // butterfly p = i / stride turns by w^(p stride)
            shortStrideRe[stage][i] = cosTable[index];
            shortStrideIm[stage][i] = sinTable[index];
        }
    }

    /// <summary>Transforms (<paramref name="re"/>, <paramref name="im"/>) in place.</summary>
    /// <param name="re">Real parts, length n; overwritten by the spectrum.</param>
    /// <param name="im">Imaginary parts, length n.</param>
    /// <param name="workRe">Scratch of length n.</param>
    /// <param name="workIm">Scratch of length n.</param>
    public void Forward(Span<double> re, Span<double> im, Span<double> workRe, Span<double> workIm)
    {
        int n = Length;
        if (re.Length < n || im.Length < n || workRe.Length < n || workIm.Length < n)
            throw new ArgumentException("The FFT buffers are shorter than the transform length.");
        bool inWork = false;
        for (int stride = 1; stride < n;)
        {
            bool radix4 = stride >= 8 && 4 * stride <= n;
            if (radix4 && inWork) Radix4Stage.Run(workRe, workIm, re, im, n, stride, cosTable, sinTable);
            else if (radix4) Radix4Stage.Run(re, im, workRe, workIm, n, stride, cosTable, sinTable);
            else if (inWork) Stage(workRe, workIm, re, im, n, stride);
            else Stage(re, im, workRe, workIm, n, stride);
            stride *= radix4 ? 4 : 2;
            inWork = !inWork;
        }
        if (inWork)
        {
            workRe[..n].CopyTo(re);
            workIm[..n].CopyTo(im);
        }
    }

    /// <summary>Unnormalised inverse (exp(+2 pi i j k / n)); divide by n to invert <see cref="Forward"/>.</summary>
    public void Inverse(Span<double> re, Span<double> im, Span<double> workRe, Span<double> workIm)
    {
        Negate(im[..Length]);
        Forward(re, im, workRe, workIm);
        Negate(im[..Length]);
    }

    private static void Negate(Span<double> values)
    {
        System.Numerics.Tensors.TensorPrimitives.Negate(values, values);
    }

    private void Stage(ReadOnlySpan<double> xr, ReadOnlySpan<double> xi, Span<double> yr, Span<double> yi, int n, int stride)
    {
        int half = n / 2 / stride; // butterflies per q
        if (stride >= 8 && Vector512.IsHardwareAccelerated) WideStage512(xr, xi, yr, yi, n, stride, half);
        else if (stride >= 4 && Vector256.IsHardwareAccelerated) WideStage256(xr, xi, yr, yi, n, stride, half);
        else if (stride < 8 && n >= 16 && Avx512F.IsSupported) ShortStrideStage.Run(xr, xi, yr, yi, n, stride,
            shortStrideRe[System.Numerics.BitOperations.Log2((uint)stride)],
            shortStrideIm[System.Numerics.BitOperations.Log2((uint)stride)]);
        else ScalarStage(xr, xi, yr, yi, n, stride, half);
    }

    private void ScalarStage(ReadOnlySpan<double> xr, ReadOnlySpan<double> xi, Span<double> yr, Span<double> yi, int n, int stride, int half)
    {
        int m = n / 2;
        for (int p = 0; p < half; p++)
        {
            double wr = cosTable[p * stride], wi = sinTable[p * stride];
            int a0 = stride * p, b0 = a0 + m, y0 = 2 * stride * p, y1 = y0 + stride;
            for (int q = 0; q < stride; q++)
            {
                double ar = xr[a0 + q], ai = xi[a0 + q], br = xr[b0 + q], bi = xi[b0 + q];
                yr[y0 + q] = ar + br;
                yi[y0 + q] = ai + bi;
                double dr = ar - br, di = ai - bi;
                yr[y1 + q] = dr * wr - di * wi;
                yi[y1 + q] = dr * wi + di * wr;
            }
        }
    }

    private void WideStage512(ReadOnlySpan<double> xr, ReadOnlySpan<double> xi, Span<double> yr, Span<double> yi, int n, int stride, int half)
    {
        int m = n / 2;
        ref double xrRef = ref MemoryMarshal.GetReference(xr), xiRef = ref MemoryMarshal.GetReference(xi);
        ref double yrRef = ref MemoryMarshal.GetReference(yr), yiRef = ref MemoryMarshal.GetReference(yi);
        for (int p = 0; p < half; p++)
        {
            var wr = Vector512.Create(cosTable[p * stride]);
            var wi = Vector512.Create(sinTable[p * stride]);
            nuint a0 = (nuint)(stride * p), b0 = a0 + (nuint)m, y0 = (nuint)(2 * stride * p), y1 = y0 + (nuint)stride;
            for (nuint q = 0; q < (nuint)stride; q += 8)
            {
                var ar = Vector512.LoadUnsafe(ref xrRef, a0 + q); var ai = Vector512.LoadUnsafe(ref xiRef, a0 + q);
                var br = Vector512.LoadUnsafe(ref xrRef, b0 + q); var bi = Vector512.LoadUnsafe(ref xiRef, b0 + q);
                (ar + br).StoreUnsafe(ref yrRef, y0 + q);
                (ai + bi).StoreUnsafe(ref yiRef, y0 + q);
                var dr = ar - br; var di = ai - bi;
                (dr * wr - di * wi).StoreUnsafe(ref yrRef, y1 + q);
                (dr * wi + di * wr).StoreUnsafe(ref yiRef, y1 + q);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WideStage256(ReadOnlySpan<double> xr, ReadOnlySpan<double> xi, Span<double> yr, Span<double> yi, int n, int stride, int half)
    {
        int m = n / 2;
        ref double xrRef = ref MemoryMarshal.GetReference(xr), xiRef = ref MemoryMarshal.GetReference(xi);
        ref double yrRef = ref MemoryMarshal.GetReference(yr), yiRef = ref MemoryMarshal.GetReference(yi);
        for (int p = 0; p < half; p++)
        {
            var wr = Vector256.Create(cosTable[p * stride]);
            var wi = Vector256.Create(sinTable[p * stride]);
            nuint a0 = (nuint)(stride * p), b0 = a0 + (nuint)m, y0 = (nuint)(2 * stride * p), y1 = y0 + (nuint)stride;
            for (nuint q = 0; q < (nuint)stride; q += 4)
            {
                var ar = Vector256.LoadUnsafe(ref xrRef, a0 + q); var ai = Vector256.LoadUnsafe(ref xiRef, a0 + q);
                var br = Vector256.LoadUnsafe(ref xrRef, b0 + q); var bi = Vector256.LoadUnsafe(ref xiRef, b0 + q);
                (ar + br).StoreUnsafe(ref yrRef, y0 + q);
                (ai + bi).StoreUnsafe(ref yiRef, y0 + q);
                var dr = ar - br; var di = ai - bi;
                (dr * wr - di * wi).StoreUnsafe(ref yrRef, y1 + q);
                (dr * wi + di * wr).StoreUnsafe(ref yiRef, y1 + q);
            }
        }
    }
}
