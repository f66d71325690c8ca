namespace Demix.Separation.Methods.Hpss;

/// <summary>
/// HPSS's published parameters (FitzGerald 2010, "Harmonic/percussive separation using median filtering", DAFx-10):
/// 4096-sample Hann window at 44.1 kHz (about 93 ms; the next power of two at other rates), hop a quarter of it,
/// median filters of 17 frames (across time: harmonic) and 17 bins (across frequency: percussive), Wiener-style soft
/// masks with power 2. For singing voice: vocals = the harmonic part with the high-pass rule (bins below 100 Hz go to
/// the accompaniment); accompaniment = the percussive part plus those low bins.
/// </summary>
public sealed record HpssOptions
{
    /// <summary>Analysis window, seconds (4096 samples at 44.1 kHz).</summary>
    public double WindowSeconds { get; init; } = 0.0928;

    /// <summary>Length of the median filter across time (harmonic enhancement), frames; odd.</summary>
    public int HarmonicFrames { get; init; } = 17;

    /// <summary>Length of the median filter across frequency (percussive enhancement), bins; odd.</summary>
    public int PercussiveBins { get; init; } = 17;

    /// <summary>Exponent of the soft mask H^p / (H^p + P^p).</summary>
    public double MaskPower { get; init; } = 2.0;

    /// <summary>Bins below this frequency never go to the vocals, Hz.</summary>
    public double CutoffHz { get; init; } = 100.0;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad value.</summary>
    public void Validate()
    {
        if (!(WindowSeconds > 0 && WindowSeconds <= 1)) throw new ArgumentException("The HPSS window must be in (0, 1] s.");
        if (HarmonicFrames < 1 || HarmonicFrames % 2 == 0) throw new ArgumentException("The HPSS harmonic filter length must be odd and positive.");
        if (PercussiveBins < 1 || PercussiveBins % 2 == 0) throw new ArgumentException("The HPSS percussive filter length must be odd and positive.");
        if (!(MaskPower > 0)) throw new ArgumentException("The HPSS mask power must be positive.");
        if (!(CutoffHz >= 0)) throw new ArgumentException("The HPSS cutoff must be >= 0 Hz.");
    }
}
