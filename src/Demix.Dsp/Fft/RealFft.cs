using System.Collections.Concurrent;

namespace Demix.Dsp.Fft;

/// <summary>
/// Real-input FFT of a power-of-two size N (2 to 2^26), float32, computed as a complex FFT of N/2 points
/// (SIMD Stockham radix-4) plus a real post-processing pass. Plans and twiddles are cached per size and
/// shared; instances are thread-safe (scratch memory is per thread).
/// </summary>
/// <remarks>
/// Forward: X[k] = sum_{n&lt;N} x[n] exp(-2 pi i k n / N) for k = 0..N/2 (unscaled, like numpy rfft).
/// Inverse: x[n] = (1/N) sum_k X[k] exp(2 pi i k n / N) over the Hermitian extension (like numpy irfft);
/// the imaginary parts of X[0] and X[N/2] are ignored.
/// </remarks>
public sealed class RealFft
{
    private const int MaxLog2Size = 26;
    private static readonly ConcurrentDictionary<int, RealFft> Cache = new();

    [ThreadStatic] private static float[]? scratch;

    private readonly FftPlan plan;
    private readonly FftKernels kernels;
    private readonly float[] twiddleCos; // cos(2 pi k / N), k = 0..N/2
    private readonly float[] twiddleSin; // -sin(2 pi k / N)

    /// <summary>The transform size N (number of real samples).</summary>
    public int Size { get; }

    /// <summary>Number of output bins, N/2 + 1.</summary>
    public int BinCount => Size / 2 + 1;

    private RealFft(int size) : this(size, ComplexFft.Best)
    {
    }

    /// <summary>An uncached transform restricted to <paramref name="kernels"/> (must be supported here).</summary>
    internal RealFft(int size, FftKernels kernels)
    {
        if (kernels > ComplexFft.Best) throw new PlatformNotSupportedException($"{kernels} kernels are not supported on this machine.");
        this.kernels = kernels;
        Size = size;
        int half = size / 2;
        plan = new FftPlan(half);
        twiddleCos = new float[half + 1];
        twiddleSin = new float[half + 1];
        for (int k = 0; k <= half; k++)
        {
            double angle = -2.0 * Math.PI * k / size;
            twiddleCos[k] = (float)Math.Cos(angle);
            twiddleSin[k] = (float)Math.Sin(angle);
        }
    }

    /// <summary>The shared transform for <paramref name="fftSize"/> (a power of two from 2 to 2^26).</summary>
    public static RealFft ForSize(int fftSize)
    {
        if (fftSize < 2 || fftSize > (1 << MaxLog2Size) || (fftSize & (fftSize - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fftSize), fftSize, $"The FFT size must be a power of two from 2 to 2^{MaxLog2Size}.");
        }
        return Cache.GetOrAdd(fftSize, static n => new RealFft(n));
    }

    /// <summary>Forward transform of <paramref name="input"/> (N samples) into N/2+1 bins of split real/imaginary parts.</summary>
    public void Forward(ReadOnlySpan<float> input, Span<float> real, Span<float> imag)
    {
        CheckLength(input.Length, Size, nameof(input));
        CheckLength(real.Length, BinCount, nameof(real));
        CheckLength(imag.Length, BinCount, nameof(imag));
        int half = Size / 2;
        Span<float> work = Scratch(4 * half);
        Span<float> aRe = work[..half], aIm = work.Slice(half, half);
        Span<float> bRe = work.Slice(2 * half, half), bIm = work.Slice(3 * half, half);
        RealFftPacking.Deinterleave(input, aRe, aIm, kernels);
        bool inB = ComplexFft.Forward(plan, kernels, aRe, aIm, bRe, bIm);
        RealFftPacking.SplitSpectrum(inB ? bRe : aRe, inB ? bIm : aIm, twiddleCos, twiddleSin, real, imag, kernels);
    }

    /// <summary>Inverse transform of N/2+1 bins (split real/imaginary) into N samples, scaled by 1/N.</summary>
    public void Inverse(ReadOnlySpan<float> real, ReadOnlySpan<float> imag, Span<float> output)
    {
        CheckLength(real.Length, BinCount, nameof(real));
        CheckLength(imag.Length, BinCount, nameof(imag));
        CheckLength(output.Length, Size, nameof(output));
        int half = Size / 2;
        Span<float> work = Scratch(4 * half);
        Span<float> aRe = work[..half], aIm = work.Slice(half, half);
        Span<float> bRe = work.Slice(2 * half, half), bIm = work.Slice(3 * half, half);
        // Inverse complex FFT as conj(FFT(conj(Z))) / (N/2): the packing writes conj(Z) scaled by 2/N.
        RealFftPacking.MergeSpectrumConjugated(real, imag, twiddleCos, twiddleSin, 2f / Size, aRe, aIm, kernels);
        bool inB = ComplexFft.Forward(plan, kernels, aRe, aIm, bRe, bIm);
        RealFftPacking.InterleaveConjugated(inB ? bRe : aRe, inB ? bIm : aIm, output, kernels);
    }

    private static Span<float> Scratch(int length)
    {
        float[]? buffer = scratch;
        if (buffer is null || buffer.Length < length)
        {
            buffer = new float[Math.Max(length, 256)];
            scratch = buffer;
        }
        return buffer.AsSpan(0, length);
    }

    private static void CheckLength(int actual, int expected, string name)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"Expected a span of {expected} elements, got {actual}.", name);
        }
    }
}
