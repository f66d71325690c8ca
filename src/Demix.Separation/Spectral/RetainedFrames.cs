using Demix.Dsp.Stft;

namespace Demix.Separation.Spectral;

/// <summary>
/// The mixture frames a whole-track processor keeps until the end of the track, as references into the
/// spectrograms it was handed ([channels, frames, bins] each), and the stems it then releases in blocks of
/// <see cref="OutputFrames"/> frames so the output never needs a second copy of the whole track.
/// </summary>
internal sealed class RetainedFrames
{
    /// <summary>Frames per released block of stems.</summary>
    public const int OutputFrames = 64;

    private readonly List<(ComplexSpectrogram Block, int Frame)> frames = [];
    private int previousFirst;

    /// <summary>Frames kept so far.</summary>
    public int Count => frames.Count;

    /// <summary>Frames released so far; the next block starts here.</summary>
    public int Released { get; private set; }

    /// <summary>The block holding frame <paramref name="index"/> of the track and the frame's index inside it.</summary>
    public (ComplexSpectrogram Block, int Frame) this[int index] => frames[index];

    /// <summary>Keeps every frame of <paramref name="block"/>.</summary>
    public void Add(ComplexSpectrogram block)
    {
        for (int t = 0; t < block.FrameCount; t++) frames.Add((block, t));
    }

    /// <summary>
    /// Allocates <paramref name="stemCount"/> stem spectrograms for the next frames to release and marks them released;
    /// null when every frame is released. The mixture frames of the previous block are dropped (the caller is done with them).
    /// </summary>
    /// <param name="first">Track index of the first frame in the block.</param>
    public ComplexSpectrogram[]? NextBlock(int stemCount, out int first)
    {
        for (int i = previousFirst; i < Released; i++) frames[i] = default;
        first = previousFirst = Released;
        int count = Math.Min(OutputFrames, frames.Count - Released);
        if (count == 0) return null;
        var (block, _) = frames[first];
        Released += count;
        return [.. Enumerable.Range(0, stemCount).Select(_ => new ComplexSpectrogram(block.ChannelCount, count, block.BinCount))];
    }
}
