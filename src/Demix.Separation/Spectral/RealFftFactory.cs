namespace Demix.Separation.Spectral;

/// <summary>Creates the real FFT the spectral methods use (one per stream, as transforms keep scratch).</summary>
public static class RealFftFactory
{
    /// <summary>A real FFT of <paramref name="size"/> points.</summary>
    public static IRealFft Create(int size) => new MathNetRealFft(size);
}
