namespace Demix.Separation.Pipeline;

/// <summary>
/// Runs a whole-buffer <see cref="ISeparator"/> over a track of any length: chunks of
/// <see cref="ChunkFrames"/> frames that overlap by <see cref="OverlapFrames"/> frames, joined with an
/// equal-power-sum cross-fade (sin^2 / cos^2, which sum to one). Memory is a few chunks, whatever the track.
/// </summary>
public sealed class ChunkedMethod : ISeparationMethod
{
    private readonly ISeparator separator;

    /// <summary>Wraps <paramref name="separator"/> under the method name <paramref name="name"/>.</summary>
    /// <param name="chunkFrames">Frames per chunk, at the separator's rate; at least twice the overlap.</param>
    /// <param name="overlapFrames">Frames shared by consecutive chunks and cross-faded (0 = butt joins).</param>
    public ChunkedMethod(string name, ISeparator separator, int chunkFrames, int overlapFrames)
    {
        ArgumentNullException.ThrowIfNull(separator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkFrames);
        ArgumentOutOfRangeException.ThrowIfNegative(overlapFrames);
        if (2 * overlapFrames > chunkFrames)
        {
            throw new ArgumentException("The chunk must be at least twice as long as the overlap.", nameof(overlapFrames));
        }
        Name = name;
        this.separator = separator;
        ChunkFrames = chunkFrames;
        OverlapFrames = overlapFrames;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int? SampleRate => separator.SampleRate;

    /// <inheritdoc />
    public int ChannelCount => separator.ChannelCount;

    /// <inheritdoc />
    public IReadOnlyList<string> Stems => separator.Stems;

    /// <summary>Frames per chunk.</summary>
    public int ChunkFrames { get; }

    /// <summary>Frames cross-faded between consecutive chunks.</summary>
    public int OverlapFrames { get; }

    /// <inheritdoc />
    public ISeparationStream Open(int sampleRate) =>
        new ChunkedStream(separator, sampleRate, ChunkFrames, OverlapFrames);
}
