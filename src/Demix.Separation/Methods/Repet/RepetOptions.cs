namespace Demix.Separation.Methods.Repet;

/// <summary>
/// REPET's published parameters (Rafii and Pardo 2013, "REpeating Pattern Extraction Technique (REPET): a simple method
/// for music/voice separation", IEEE TASLP 21(1)): 40 ms Hamming window (next power of two, 2048 at 44.1 kHz), 50 %
/// overlap; repeating period searched in [0.8 s, min(8 s, duration / 3)]; soft mask; the high-pass rule sends every bin
/// below 100 Hz to the accompaniment (the voice has no energy there).
/// </summary>
public sealed record RepetOptions
{
    /// <summary>Analysis window, seconds.</summary>
    public double WindowSeconds { get; init; } = 0.040;

    /// <summary>Shortest repeating period considered, seconds.</summary>
    public double MinPeriodSeconds { get; init; } = 0.8;

    /// <summary>Longest repeating period considered, seconds (also at most a third of the track).</summary>
    public double MaxPeriodSeconds { get; init; } = 8.0;

    /// <summary>Bins below this frequency stay in the accompaniment, Hz.</summary>
    public double CutoffHz { get; init; } = 100.0;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad value.</summary>
    public void Validate()
    {
        if (!(WindowSeconds > 0 && WindowSeconds <= 1)) throw new ArgumentException("The REPET window must be in (0, 1] s.");
        if (!(MinPeriodSeconds > 0 && MaxPeriodSeconds > MinPeriodSeconds)) throw new ArgumentException("The REPET period range must satisfy 0 < min < max.");
        if (!(CutoffHz >= 0)) throw new ArgumentException("The REPET cutoff must be >= 0 Hz.");
    }
}
