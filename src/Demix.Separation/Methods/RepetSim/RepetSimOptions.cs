namespace Demix.Separation.Methods.RepetSim;

/// <summary>
/// Parameters of REPET-SIM. The defaults are the published ones (Rafii and Pardo 2012, and the authors'
/// reference code): 40 ms analysis window rounded up to a power of two (2048 samples at 44.1 kHz), Hamming
/// window, 50 % overlap, similarity threshold 0, similar frames at least 1 s apart, at most 100 similar
/// frames, and a 100 Hz high-pass rule for the foreground. <see cref="SearchWindowSeconds"/> is ours: the
/// span of frames searched around each frame, which bounds memory (the published method searches the
/// whole song).
/// </summary>
public sealed record RepetSimOptions
{
    /// <summary>Analysis window length in seconds; the FFT size is the next power of two in samples.</summary>
    public double WindowSeconds { get; init; } = 0.040;

    /// <summary>Minimum cosine similarity, in [0, 1], for a frame to count as similar.</summary>
    public double SimilarityThreshold { get; init; }

    /// <summary>Minimum distance in seconds between two frames taken as similar.</summary>
    public double MinDistanceSeconds { get; init; } = 1.0;

    /// <summary>Maximum number of similar frames whose median models the repeating background (k).</summary>
    public int MaxSimilarFrames { get; init; } = 100;

    /// <summary>Bins at or below this frequency (Hz) go entirely to the accompaniment.</summary>
    public double CutoffHz { get; init; } = 100.0;

    /// <summary>Span in seconds of the frames searched around each frame (half before, half after).</summary>
    public double SearchWindowSeconds { get; init; } = 60.0;

    /// <summary>FFT size in samples at <paramref name="sampleRate"/>: 2^ceil(log2(window x rate)).</summary>
    public int FftSize(int sampleRate)
    {
        int size = 1;
        while (size < WindowSeconds * sampleRate) size <<= 1;
        return Math.Max(size, 16);
    }

    /// <summary>Checks every value; throws <see cref="ArgumentException"/> naming the first bad one.</summary>
    public void Validate()
    {
        if (!(WindowSeconds > 0 && WindowSeconds <= 1)) throw new ArgumentException("The REPET-SIM window must be in (0, 1] s.");
        if (!(SimilarityThreshold >= 0 && SimilarityThreshold <= 1)) throw new ArgumentException("The similarity threshold must be in [0, 1].");
        if (!(MinDistanceSeconds >= 0)) throw new ArgumentException("The minimum distance must not be negative.");
        if (MaxSimilarFrames < 1) throw new ArgumentException("At least one similar frame is needed.");
        if (!(CutoffHz >= 0)) throw new ArgumentException("The cutoff frequency must not be negative.");
        if (!(SearchWindowSeconds > 0)) throw new ArgumentException("The search window must be positive.");
    }
}
