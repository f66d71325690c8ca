using MathNet.Numerics.IntegralTransforms;

namespace Demix.Separation.Spectral;

/// <summary><see cref="IRealFft"/> over MathNet.Numerics' packed real FFT (MATLAB sign and scaling).</summary>
public sealed class MathNetRealFft : IRealFft
{
    private readonly float[] packed;   // [N + 2]: (re0, im0, re1, im1, ...) after the forward transform

    /// <summary>Creates a transform of <paramref name="size"/> points.</summary>
    public MathNetRealFft(int size)
    {
        if (size < 2 || (size & (size - 1)) != 0) throw new ArgumentException("The FFT size must be a power of two.", nameof(size));
        Size = size;
        packed = new float[size + 2];
    }

    /// <inheritdoc />
    public int Size { get; }

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<float> samples, Span<float> real, Span<float> imaginary)
    {
        samples[..Size].CopyTo(packed);
        packed[Size] = 0;
        packed[Size + 1] = 0;
        Fourier.ForwardReal(packed, Size, FourierOptions.Matlab);
        for (int k = 0; k <= Size / 2; k++)
        {
            real[k] = packed[2 * k];
            imaginary[k] = packed[2 * k + 1];
        }
    }

    /// <inheritdoc />
    public void Inverse(ReadOnlySpan<float> real, ReadOnlySpan<float> imaginary, Span<float> samples)
    {
        for (int k = 0; k <= Size / 2; k++)
        {
            packed[2 * k] = real[k];
            packed[2 * k + 1] = imaginary[k];
        }
        Fourier.InverseReal(packed, Size, FourierOptions.Matlab);
        packed.AsSpan(0, Size).CopyTo(samples);
    }
}
