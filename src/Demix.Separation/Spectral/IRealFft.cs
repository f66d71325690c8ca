namespace Demix.Separation.Spectral;

/// <summary>
/// The real FFT the spectral stream needs: N real samples to N/2 + 1 complex bins and back. One
/// instance per thread (implementations keep scratch buffers).
/// </summary>
public interface IRealFft
{
    /// <summary>Transform size N (a power of two).</summary>
    int Size { get; }

    /// <summary><c>X[k] = sum_n x[n] e^(-2 pi i k n / N)</c> for k = 0 .. N/2.</summary>
    void Forward(ReadOnlySpan<float> samples, Span<float> real, Span<float> imaginary);

    /// <summary>The inverse, scaled by 1/N, so Inverse(Forward(x)) = x.</summary>
    void Inverse(ReadOnlySpan<float> real, ReadOnlySpan<float> imaginary, Span<float> samples);
}
