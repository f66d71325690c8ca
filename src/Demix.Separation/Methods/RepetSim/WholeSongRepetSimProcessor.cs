using System.Numerics.Tensors;
using Demix.Dsp.Stft;
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
    private readonly RetainedFrames frames = new();
    private readonly List<float[][]> magnitudes = [];   // [frames][channels][bins]
    private List<int>[] similar = [];                    // [frames], chosen on the first take

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
    public void Add(ComplexSpectrogram mixture)
    {
        for (int t = 0; t < mixture.FrameCount; t++)
        {
            var mags = new float[mixture.ChannelCount][];
            for (int c = 0; c < mags.Length; c++)
            {
                mags[c] = new float[mixture.BinCount];
                TensorPrimitives.Hypot(mixture.RealFrame(c, t), mixture.ImagFrame(c, t), mags[c]);
            }
            magnitudes.Add(mags);
        }
        frames.Add(mixture);
    }

    /// <inheritdoc />
    public ComplexSpectrogram[]? TakeReady(bool endOfTrack)
    {
        if (!endOfTrack || frames.Count == 0) return null;
        if (frames.Released == 0) similar = PickAll(SimilarityMatrix());
        ComplexSpectrogram[]? stems = frames.NextBlock(StemCount, out int first);
        if (stems is null) return null;
        for (int i = 0; i < stems[0].FrameCount; i++)
        {
            var (mixture, t) = frames[first + i];
            if (maskers.Length == 0) maskers = [.. Enumerable.Range(0, mixture.ChannelCount).Select(_ => new ChannelMasker(mixture.BinCount, cutoffBin))];
            for (int c = 0; c < mixture.ChannelCount; c++)
            {
                maskers[c].Apply(similar[first + i].Select(other => magnitudes[other][c]), magnitudes[first + i][c], mixture, t, c, stems, i);
            }
        }
        return stems;
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
