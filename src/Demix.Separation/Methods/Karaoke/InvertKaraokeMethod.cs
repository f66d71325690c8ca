using Demix.Separation.Pipeline;

namespace Demix.Separation.Methods.Karaoke;

/// <summary>
/// The classic stereo karaoke trick: a source panned to the centre is identical in both channels, so
/// inverting one channel and summing cancels it. With mid <c>M = (L + R) / 2</c> and side
/// <c>S = (L - R) / 2</c>: vocals = <c>(M, M)</c> and accompaniment = mixture - vocals = <c>(S, -S)</c>,
/// so the two stems add up to the mixture exactly. Works sample by sample: no latency, no look-ahead.
/// </summary>
public sealed class InvertKaraokeMethod : ISeparationMethod
{
    /// <summary>The name after <c>--method</c>.</summary>
    public const string MethodName = "karaoke-invert";

    /// <inheritdoc />
    public string Name => MethodName;

    /// <inheritdoc />
    public int? SampleRate => null;

    /// <inheritdoc />
    public int ChannelCount => 2;

    /// <inheritdoc />
    public IReadOnlyList<string> Stems { get; } = [StemNames.Vocals, StemNames.Accompaniment];

    /// <inheritdoc />
    public ISeparationStream Open(int sampleRate) => new InvertKaraokeStream();
}

/// <summary>Per-track state of <see cref="InvertKaraokeMethod"/>: only the output buffers.</summary>
internal sealed class InvertKaraokeStream : ISeparationStream
{
    private float[][][] output = [];   // [stem][channel][frames], reused between blocks

    public void Push(float[][] input, int frameCount, IStemBlockSink sink)
    {
        EnsureCapacity(frameCount);
        InvertKaraokeKernel.Split(input[0].AsSpan(0, frameCount), input[1].AsSpan(0, frameCount),
            output[0][0].AsSpan(0, frameCount), output[1][0].AsSpan(0, frameCount));
        output[0][0].AsSpan(0, frameCount).CopyTo(output[0][1]);
        for (int i = 0; i < frameCount; i++) output[1][1][i] = -output[1][0][i];
        sink.Write(output, frameCount);
    }

    public void Finish(IStemBlockSink sink)
    {
    }

    private void EnsureCapacity(int frameCount)
    {
        if (output.Length > 0 && output[0][0].Length >= frameCount) return;
        output = new float[2][][];
        for (int s = 0; s < 2; s++) output[s] = [new float[frameCount], new float[frameCount]];
    }
}
