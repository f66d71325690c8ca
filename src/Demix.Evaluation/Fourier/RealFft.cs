namespace Demix.Evaluation.Fourier;

/// <summary>
/// Real-input DFT of an even power-of-two length n, through one complex FFT of n/2 points.
/// The spectrum holds bins 0..n/2 (n/2 + 1 values) in split real/imaginary arrays. Forward is unnormalised;
/// <see cref="Inverse"/> divides by n, so Inverse(Forward(x)) = x. Instances are immutable and thread-safe;
/// each thread uses its own <see cref="RealFftBuffers"/>.
/// </summary>
internal sealed class RealFft
{
    private readonly ComplexFft half;
    private readonly double[] cos; // cos(2 pi k / n), k in [0, n/2]
    private readonly double[] sin; // sin(2 pi k / n)

    /// <summary>Plans a real transform of <paramref name="length"/> samples (a power of two, at least 4).</summary>
    public RealFft(int length)
    {
        if (length < 4 || (length & (length - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(length), length, "The real FFT length must be a power of two >= 4.");
        Length = length;
        half = new ComplexFft(length / 2);
        cos = new double[length / 2 + 1];
        sin = new double[length / 2 + 1];
        for (int k = 0; k <= length / 2; k++)
        {
            cos[k] = Math.Cos(2.0 * Math.PI * k / length);
            sin[k] = Math.Sin(2.0 * Math.PI * k / length);
        }
    }

    /// <summary>Number of real samples n.</summary>
    public int Length { get; }

    /// <summary>Number of spectrum bins, n/2 + 1.</summary>
    public int BinCount => Length / 2 + 1;

    /// <summary>Spectrum of <paramref name="signal"/>; samples past its length count as zeros.</summary>
    /// <param name="signal">Up to n real samples.</param>
    /// <param name="spectrumRe">Real parts, n/2 + 1 bins.</param>
    /// <param name="spectrumIm">Imaginary parts, n/2 + 1 bins.</param>
    /// <param name="buffers">Scratch owned by the calling thread.</param>
    public void Forward(ReadOnlySpan<double> signal, Span<double> spectrumRe, Span<double> spectrumIm, RealFftBuffers buffers)
    {
        int m = Length / 2;
        if (signal.Length > Length) throw new ArgumentException("The signal is longer than the FFT.", nameof(signal));
        Span<double> zr = buffers.Re.AsSpan(0, m), zi = buffers.Im.AsSpan(0, m);
        Deinterleave(signal, zr, zi);
        half.Forward(zr, zi, buffers.WorkRe, buffers.WorkIm);
        spectrumRe[0] = zr[0] + zi[0];
        spectrumIm[0] = 0;
        spectrumRe[m] = zr[0] - zi[0];
        spectrumIm[m] = 0;
        for (int k = RealFftPacking.Combine(zr, zi, spectrumRe, spectrumIm, cos, sin, m, forward: true); k < m; k++)
        {
            double ar = zr[k], ai = zi[k], br = zr[m - k], bi = -zi[m - k]; // b = conj(Z[m - k])
            double er = 0.5 * (ar + br), ei = 0.5 * (ai + bi);              // even part
            double or = 0.5 * (ai - bi), oi = -0.5 * (ar - br);             // odd part: (a - b) / 2i
            double c = cos[k], s = -sin[k];                                 // w = exp(-2 pi i k / n)
            spectrumRe[k] = er + or * c - oi * s;
            spectrumIm[k] = ei + or * s + oi * c;
        }
    }

    /// <summary>Signal of a spectrum (bins 0..n/2), divided by n; writes n samples.</summary>
    public void Inverse(ReadOnlySpan<double> spectrumRe, ReadOnlySpan<double> spectrumIm, Span<double> signal, RealFftBuffers buffers)
    {
        int m = Length / 2;
        Span<double> zr = buffers.Re.AsSpan(0, m), zi = buffers.Im.AsSpan(0, m);
        InverseCombine(spectrumRe, spectrumIm, zr, zi, m, 0);
        for (int k = RealFftPacking.Combine(spectrumRe, spectrumIm, zr, zi, cos, sin, m, forward: false); k < m; k++) InverseCombine(spectrumRe, spectrumIm, zr, zi, m, k);
        half.Inverse(zr, zi, buffers.WorkRe, buffers.WorkIm);
        RealFftPacking.Interleave(zr, zi, signal, m, 1.0 / m);
    }

    private void InverseCombine(ReadOnlySpan<double> spectrumRe, ReadOnlySpan<double> spectrumIm, Span<double> zr, Span<double> zi, int m, int k)
    {
        double ar = spectrumRe[k], ai = spectrumIm[k], br = spectrumRe[m - k], bi = -spectrumIm[m - k];
        double er = 0.5 * (ar + br), ei = 0.5 * (ai + bi);
        double dr = 0.5 * (ar - br), di = 0.5 * (ai - bi);
        double c = cos[k], s = sin[k];                                  // w = exp(+2 pi i k / n)
        double or = dr * c - di * s, oi = dr * s + di * c;
        zr[k] = er - oi;                                                // Z = E + i O
        zi[k] = ei + or;
    }

    private static void Deinterleave(ReadOnlySpan<double> signal, Span<double> zr, Span<double> zi)
    {
        int pairs = RealFftPacking.Deinterleave(signal, zr, zi, signal.Length / 2);
        if ((signal.Length & 1) == 1)
        {
            zr[pairs] = signal[^1];
            zi[pairs] = 0;
            pairs++;
        }
        zr[pairs..].Clear();
        zi[pairs..].Clear();
    }
}
/// <summary>Per-thread scratch for a <see cref="RealFft"/> of a given length.</summary>
internal sealed class RealFftBuffers
{
    /// <summary>Scratch for transforms of up to <paramref name="length"/> real samples.</summary>
    public RealFftBuffers(int length)
    {
        int m = Math.Max(2, length / 2);
        Re = new double[m];
        Im = new double[m];
        WorkRe = new double[m];
        WorkIm = new double[m];
    }

    /// <summary>Packed signal, real parts.</summary>
    public double[] Re { get; }

    /// <summary>Packed signal, imaginary parts.</summary>
    public double[] Im { get; }

    /// <summary>Stockham ping-pong buffer, real parts.</summary>
    public double[] WorkRe { get; }

    /// <summary>Stockham ping-pong buffer, imaginary parts.</summary>
    public double[] WorkIm { get; }
}
