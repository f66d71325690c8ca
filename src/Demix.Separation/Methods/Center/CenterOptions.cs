namespace Demix.Separation.Methods.Center;

/// <summary>
/// Parameters of the frequency-domain centre extraction (Avendano and Jot 2004). The vocal mask of a bin
/// is <c>strength x exp(-(1 - psi)^2 / (2 width^2))</c> inside the band, 0 outside, where psi in [0, 1] is
/// the in-phase inter-channel similarity of the bin (1 for a source panned dead centre).
/// </summary>
public sealed record CenterOptions
{
    /// <summary>Scale of the vocal mask in [0, 1]: 1 takes all the centre, 0 takes nothing.</summary>
    public double Strength { get; init; } = 1.0;

    /// <summary>Lowest frequency in Hz that may go to the vocals (the voice's range starts near 120 Hz).</summary>
    public double LowHz { get; init; } = 120.0;

    /// <summary>Highest frequency in Hz that may go to the vocals.</summary>
    public double HighHz { get; init; } = 9000.0;

    /// <summary>Width of the Gaussian window on the panning index 1 - psi (smaller = only the exact centre).</summary>
    public double Width { get; init; } = 0.15;

    /// <summary>Analysis window in seconds; the FFT size is the next power of two in samples (2048 at 44.1 kHz).</summary>
    public double WindowSeconds { get; init; } = 0.046;

    /// <summary>FFT size in samples at <paramref name="sampleRate"/>.</summary>
    public int FftSize(int sampleRate)
    {
        int size = 16;
        while (size < WindowSeconds * sampleRate) size <<= 1;
        return size;
    }

    /// <summary>Checks every value; throws <see cref="ArgumentException"/> naming the first bad one.</summary>
    public void Validate()
    {
        if (!(Strength >= 0 && Strength <= 1)) throw new ArgumentException("The centre strength must be in [0, 1].");
        if (!(LowHz >= 0 && HighHz > LowHz)) throw new ArgumentException("The centre band must satisfy 0 <= low < high (Hz).");
        if (!(Width > 0)) throw new ArgumentException("The centre width must be positive.");
        if (!(WindowSeconds > 0 && WindowSeconds <= 1)) throw new ArgumentException("The centre window must be in (0, 1] s.");
    }
}
