using System.Numerics.Tensors;
using Demix.Dsp.Stft;
using Demix.Separation.Spectral;

namespace Demix.Separation.Methods.Repet;

/// <summary>
/// Computes a vocal mask from the magnitude spectrogram of the whole track, shape <c>[channel][frame][bin]</c> in [0, 1].
/// </summary>
public interface IVocalMaskModel
{
    /// <summary>The vocal mask of each bin; the accompaniment gets 1 - mask, so the stems add up to the mixture.</summary>
    /// <param name="magnitudes">|X|, <c>[channel][frame][bin]</c>.</param>
    /// <param name="sampleRate">Hz.</param>
    /// <param name="fftSize">Samples per STFT frame.</param>
    float[][][] VocalMasks(float[][][] magnitudes, int sampleRate, int fftSize);
}

/// <summary>
/// A spectral processor for methods that need the whole track before deciding (REPET, HPSS, RPCA): it keeps every
/// frame, and at the end of the track asks an <see cref="IVocalMaskModel"/> for the masks and releases the frames.
/// </summary>
public sealed class WholeTrackMaskProcessor(IVocalMaskModel model, int sampleRate, int fftSize) : ISpectralProcessor
{
    private readonly RetainedFrames frames = new();
    private float[][][]? masks;   // [channel][frame][bin]
    private float[] accompaniment = [];

    /// <inheritdoc />
    public int StemCount => 2;

    /// <inheritdoc />
    public void Add(ComplexSpectrogram mixture) => frames.Add(mixture);

    /// <inheritdoc />
    public ComplexSpectrogram[]? TakeReady(bool endOfTrack)
    {
        if (!endOfTrack || frames.Count == 0) return null;
        masks ??= model.VocalMasks(Magnitudes(), sampleRate, fftSize);
        ComplexSpectrogram[]? stems = frames.NextBlock(StemCount, out int first);
        if (stems is null) return null;
        for (int i = 0; i < stems[0].FrameCount; i++)
        {
            var (mixture, t) = frames[first + i];
            if (accompaniment.Length != mixture.BinCount) accompaniment = new float[mixture.BinCount];
            for (int c = 0; c < mixture.ChannelCount; c++)
            {
                float[] vocal = masks[c][first + i];
                TensorPrimitives.Subtract(1f, vocal, accompaniment);
                FrameMask.Apply(mixture, c, t, vocal, stems[0], i);
                FrameMask.Apply(mixture, c, t, accompaniment, stems[1], i);
            }
        }
        return stems;
    }

    private float[][][] Magnitudes()
    {
        int channels = frames[0].Block.ChannelCount;
        var magnitudes = new float[channels][][];
        for (int c = 0; c < channels; c++)
        {
            magnitudes[c] = new float[frames.Count][];
            for (int t = 0; t < frames.Count; t++)
            {
                var (block, frame) = frames[t];
                magnitudes[c][t] = new float[block.BinCount];
                TensorPrimitives.Hypot(block.RealFrame(c, frame), block.ImagFrame(c, frame), magnitudes[c][t]);
            }
        }
        return magnitudes;
    }
}
