namespace Demix.Training.Data;

/// <summary>
/// One training track as cached audio at the model's rate: its vocals and its accompaniment (the sum of the other
/// stems). A vocal-only recording has no accompaniment and a music-only one no vocals; the sampler mixes those with
/// sources of other tracks.
/// </summary>
public sealed class SourceTrack(string corpus, string name, CachedAudio? vocals, CachedAudio? accompaniment) : IDisposable
{
    /// <summary>The corpus (config source index and kind), for reports.</summary>
    public string Corpus { get; } = corpus;

    /// <summary>Track name.</summary>
    public string Name { get; } = name;

    /// <summary>Vocals, or null for music-only recordings.</summary>
    public CachedAudio? Vocals { get; } = vocals;

    /// <summary>Accompaniment, or null for vocal-only recordings.</summary>
    public CachedAudio? Accompaniment { get; } = accompaniment;

    /// <summary>Frames both sources have (the shorter one's length when both exist).</summary>
    public long FrameCount => Math.Min(Vocals?.FrameCount ?? long.MaxValue, Accompaniment?.FrameCount ?? long.MaxValue);

    /// <summary>Seconds of audio.</summary>
    public double DurationSeconds => (double)FrameCount / (Vocals ?? Accompaniment)!.SampleRate;

    /// <inheritdoc />
    public void Dispose()
    {
        Vocals?.Dispose();
        Accompaniment?.Dispose();
    }
}
