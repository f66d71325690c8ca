namespace Demix.Separation.Pipeline;

/// <summary>How <see cref="SeparationPipeline"/> treats one track.</summary>
public sealed record PipelineOptions
{
    /// <summary>Mix more than two input channels down to stereo instead of refusing them.</summary>
    public bool Downmix { get; init; }

    /// <summary>Rate of the written stems in Hz; null keeps the input's rate.</summary>
    public int? OutputSampleRate { get; init; }

    /// <summary>Frames read from the source per block (memory per block, not per song).</summary>
    public int BlockFrames { get; init; } = 1 << 15;
}
