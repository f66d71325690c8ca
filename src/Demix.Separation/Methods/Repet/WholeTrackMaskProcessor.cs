using System.Numerics.Tensors;
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
    private readonly List<SpectralFrame> frames = [];
    private float[][][]? masks;   // [channel][frame][bin]
    private float[] accompaniment = [];
    private int next;

    /// <inheritdoc />
    public int StemCount => 2;

    /// <inheritdoc />
    public void Add(SpectralFrame mixture) => frames.Add(mixture);

    /// <inheritdoc />
    public bool TryTake(bool endOfTrack, SpectralFrame[] stems, out SpectralFrame? consumed)
    {
        consumed = null;
        if (!endOfTrack || next == frames.Count) return false;
        masks ??= model.VocalMasks(Magnitudes(), sampleRate, fftSize);
        int t = next++;
        consumed = frames[t];
        if (accompaniment.Length != consumed.BinCount) accompaniment = new float[consumed.BinCount];
        for (int c = 0; c < consumed.ChannelCount; c++)
        {
            float[] vocal = masks[c][t];
            TensorPrimitives.Subtract(1f, vocal, accompaniment);
            consumed.MaskInto(c, vocal, stems[0]);
            consumed.MaskInto(c, accompaniment, stems[1]);
        }
        frames[t] = null!;   // released: the stream owns it from here
        return true;
    }

    private float[][][] Magnitudes()
    {
        int channels = frames[0].ChannelCount;
        var magnitudes = new float[channels][][];
        for (int c = 0; c < channels; c++)
        {
            magnitudes[c] = new float[frames.Count][];
            for (int t = 0; t < frames.Count; t++)
            {
                magnitudes[c][t] = new float[frames[t].BinCount];
                TensorPrimitives.Hypot(frames[t].Real[c], frames[t].Imaginary[c], magnitudes[c][t]);
            }
        }
        return magnitudes;
    }
}
