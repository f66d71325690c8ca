namespace Demix.Separation.Pipeline;

/// <summary>
/// A separator that works on a whole buffer at once (a neural model, say). Long tracks reach it through
/// <see cref="ChunkedMethod"/>, which cuts them into overlapping chunks and cross-fades the results, so
/// memory is bounded by the chunk length.
/// </summary>
public interface ISeparator
{
    /// <summary>The rate in Hz the separator expects, or null when any rate works.</summary>
    int? SampleRate { get; }

    /// <summary>Channels the separator expects.</summary>
    int ChannelCount { get; }

    /// <summary>Stem names in output order.</summary>
    IReadOnlyList<string> Stems { get; }

    /// <summary>Separates one buffer.</summary>
    /// <param name="mix">Planar samples, [channels][frames], all channels the same length (any length, including 1).</param>
    /// <param name="sampleRate">Rate of <paramref name="mix"/> in Hz.</param>
    /// <returns>Planar samples per stem, [stems][channels][frames], the same frame count as the input.</returns>
    float[][][] Separate(float[][] mix, int sampleRate);
}
