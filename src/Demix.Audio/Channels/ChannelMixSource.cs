namespace Demix.Audio;

/// <summary>Streams a source through a <see cref="ChannelMatrix"/> (disposes the source with it).</summary>
public sealed class ChannelMixSource : IAudioSource
{
    private readonly IAudioSource source;
    private readonly ChannelMatrix matrix;
    private float[] block = [];

    /// <summary>Mixes <paramref name="source"/>, whose channel count must be the matrix's input count.</summary>
    public ChannelMixSource(IAudioSource source, ChannelMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(matrix);
        if (source.Format.ChannelCount != matrix.InputChannels)
        {
            throw new ArgumentException($"The {matrix.Name} needs {matrix.InputChannels} channels, not {source.Format.ChannelCount}.", nameof(source));
        }
        this.source = source;
        this.matrix = matrix;
        Format = source.Format with { ChannelCount = matrix.OutputChannels };
    }

    /// <inheritdoc />
    public AudioFormat Format { get; }

    /// <inheritdoc />
    public long? FrameCount => source.FrameCount;

    /// <inheritdoc />
    public int Read(Span<float> interleaved)
    {
        int frames = interleaved.Length / matrix.OutputChannels;
        if (block.Length < frames * matrix.InputChannels) block = new float[frames * matrix.InputChannels];
        int samples = source.Read(block.AsSpan(0, frames * matrix.InputChannels));
        int got = samples / matrix.InputChannels;
        matrix.Apply(block.AsSpan(0, samples), interleaved[..(got * matrix.OutputChannels)]);
        return got * matrix.OutputChannels;
    }

    /// <summary>Disposes the wrapped source.</summary>
    public void Dispose() => source.Dispose();
}
