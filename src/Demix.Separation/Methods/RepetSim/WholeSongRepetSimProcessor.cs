using System.Numerics.Tensors;
using Demix.Separation.Spectral;

namespace Demix.Separation.Methods.RepetSim;

/// <summary>
/// REPET-SIM as published: the full T x T cosine self-similarity matrix of the whole song, and for every
/// frame the similar frames searched over the whole song. It keeps every frame until the end of the track,
/// so memory grows with the song (T^2 similarities): use it for clips and as the reference the windowed
/// <see cref="RepetSimProcessor"/> is checked against.
/// </summary>
public sealed class WholeSongRepetSimProcessor : ISpectralProcessor
{
    private readonly SimilarFramePicker picker;
    private readonly int cutoffBin;
    private ChannelMasker[] maskers = [];
    private readonly List<SpectralFrame> frames = [];
    private readonly List<float[][]> magnitudes = [];   // [frames][channels][bins]
    private List<int>[] similar = [];                    // [frames], chosen on the first take
    private int nextFrame;

    /// <summary>Creates the processor for one track.</summary>
    public WholeSongRepetSimProcessor(RepetSimOptions options, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int fftSize = options.FftSize(sampleRate);
        double framesPerSecond = (double)sampleRate / (fftSize / 2);
        picker = new SimilarFramePicker((float)options.SimilarityThreshold,
            (int)Math.Round(options.MinDistanceSeconds * framesPerSecond), options.MaxSimilarFrames);
        cutoffBin = RepeatingModel.CutoffBin(options.CutoffHz, fftSize, sampleRate);
    }

    /// <inheritdoc />
    public int StemCount => 2;

    /// <inheritdoc />
    public void Add(SpectralFrame mixture)
    {
        var mags = new float[mixture.ChannelCount][];
        for (int c = 0; c < mags.Length; c++)
        {
            mags[c] = new float[mixture.BinCount];
            TensorPrimitives.Hypot(mixture.Real[c], mixture.Imaginary[c], mags[c]);
        }
        magnitudes.Add(mags);
        frames.Add(mixture);
    }

    /// <inheritdoc />
    public bool TryTake(bool endOfTrack, SpectralFrame[] stems, out SpectralFrame? consumed)
    {
        consumed = null;
        if (!endOfTrack || nextFrame == frames.Count) return false;
        if (nextFrame == 0) similar = PickAll(SimilarityMatrix());
        int frame = nextFrame++;
        consumed = frames[frame];
        int binCount = consumed.BinCount;
        if (maskers.Length == 0) maskers = [.. Enumerable.Range(0, consumed.ChannelCount).Select(_ => new ChannelMasker(binCount, cutoffBin))];
        for (int c = 0; c < consumed.ChannelCount; c++)
        {
            maskers[c].Apply(similar[frame].Select(other => magnitudes[other][c]), magnitudes[frame][c], consumed, c, stems);
        }
        return true;
    }

    /// <summary>Cosine similarity of the channel-mean magnitude spectra, [frames][frames].</summary>
    private float[][] SimilarityMatrix()
    {
        int count = magnitudes.Count;
        var unit = new float[count][];
        for (int t = 0; t < count; t++)
        {
            unit[t] = new float[magnitudes[t][0].Length];
            foreach (float[] channel in magnitudes[t]) TensorPrimitives.Add(unit[t], channel, unit[t]);
            float norm = TensorPrimitives.Norm(unit[t]);
            if (norm > 0) TensorPrimitives.Divide(unit[t], norm, unit[t]);
        }
        var matrix = new float[count][];
        for (int t = 0; t < count; t++)
        {
            matrix[t] = new float[count];
            for (int u = 0; u < count; u++) matrix[t][u] = TensorPrimitives.Dot(unit[Math.Max(t, u)], unit[Math.Min(t, u)]);
        }
        return matrix;
    }

    private List<int>[] PickAll(float[][] matrix)
    {
        var result = new List<int>[matrix.Length];
        for (int t = 0; t < matrix.Length; t++)
        {
            result[t] = [];
            picker.Pick(matrix[t], 0, result[t]);
            if (result[t].Count == 0) result[t].Add(t);
        }
        return result;
    }
}
