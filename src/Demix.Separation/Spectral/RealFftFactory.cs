using Demix.Dsp.Fft;

namespace Demix.Separation.Spectral;

/// <summary>Creates the real FFT the spectral methods use: Demix.Dsp's SIMD <see cref="RealFft"/>.</summary>
public static class RealFftFactory
{
    /// <summary>A real FFT of <paramref name="size"/> points.</summary>
    public static IRealFft Create(int size) => new DspRealFft(RealFft.ForSize(size));

    /// <summary>Adapts the shared, thread-safe <see cref="RealFft"/> to <see cref="IRealFft"/>.</summary>
    private sealed class DspRealFft(RealFft fft) : IRealFft
    {
        public int Size => fft.Size;

        public void Forward(ReadOnlySpan<float> samples, Span<float> real, Span<float> imaginary) =>
            fft.Forward(samples, real, imaginary);

        public void Inverse(ReadOnlySpan<float> real, ReadOnlySpan<float> imaginary, Span<float> samples) =>
            fft.Inverse(real, imaginary, samples);
    }
}
