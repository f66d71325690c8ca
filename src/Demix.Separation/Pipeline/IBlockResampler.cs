namespace Demix.Separation.Pipeline;

/// <summary>
/// A streaming rate converter on planar blocks, as the pipeline needs it: blocks in, blocks out (the
/// output may lag), and <see cref="Flush"/> at the end releases the rest.
/// </summary>
public interface IBlockResampler
{
    /// <summary>Converts the next <paramref name="frameCount"/> input frames.</summary>
    /// <param name="input">Planar samples, [channels][frames].</param>
    /// <param name="frameCount">Valid frames in every channel.</param>
    /// <param name="output">Planar output, [channels][frames]; valid until the next call.</param>
    /// <returns>Frames written to <paramref name="output"/>.</returns>
    int Process(float[][] input, int frameCount, out float[][] output);

    /// <summary>Ends the input and returns the frames still held.</summary>
    int Flush(out float[][] output);
}

/// <summary>The resampler used when the rates already agree: hands the input straight through.</summary>
public sealed class PassThroughResampler : IBlockResampler
{
    private static readonly float[][] Empty = [];

    /// <inheritdoc />
    public int Process(float[][] input, int frameCount, out float[][] output)
    {
        output = input;
        return frameCount;
    }

    /// <inheritdoc />
    public int Flush(out float[][] output)
    {
        output = Empty;
        return 0;
    }
}
