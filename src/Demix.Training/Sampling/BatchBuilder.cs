using Demix.Dsp.Stft;
using StftTransform = Demix.Dsp.Stft.Stft;

namespace Demix.Training.Sampling;

/// <summary>
/// Builds batch number k from its own generator, seeded from (run seed, k): batches do not depend on which thread
/// builds them or on earlier batches, so the same seed gives the same batches and a resumed run continues them.
/// </summary>
public sealed class BatchBuilder(ChunkSampler sampler, StftConfig stft, int batchSize, int seed) : IBatchSource
{
    /// <summary>The generator stream of batches (see <see cref="StepRandom.Derive"/>).</summary>
    public const int BatchStream = 1;

    /// <summary>Examples per batch.</summary>
    public int BatchSize { get; } = batchSize;

    /// <summary>The sampler of the examples.</summary>
    public ChunkSampler Sampler { get; } = sampler;

    /// <summary>Draws the examples of batch <paramref name="index"/> (audio, before the STFT).</summary>
    public TrainingExample[] Examples(long index)
    {
        var random = new Random(StepRandom.Derive(seed, BatchStream, index));
        return [.. Enumerable.Range(0, BatchSize).Select(_ => Sampler.Draw(random))];
    }

    /// <summary>Builds batch <paramref name="index"/>.</summary>
    public Batch Build(long index)
    {
        TrainingExample[] examples = Examples(index);
        float[][] mixture = new float[examples.Length][], vocals = new float[examples.Length][], accompaniment = new float[examples.Length][];
        int frames = 0, bins = 0;
        for (int e = 0; e < examples.Length; e++)
        {
            mixture[e] = Magnitude(examples[e].Mixture(), out frames, out bins);
            vocals[e] = Magnitude(examples[e].Vocals, out _, out _);
            accompaniment[e] = Magnitude(examples[e].Accompaniment, out _, out _);
        }
        return new Batch(index, examples.Length, Sampler.Channels, frames, bins, Concat(mixture), Concat(vocals), Concat(accompaniment));
    }

    private float[] Magnitude(float[][] audio, out int frames, out int bins)
    {
        ComplexSpectrogram spectrogram = StftTransform.Forward(audio, stft, maxDegreeOfParallelism: 1);
        frames = spectrogram.FrameCount;
        bins = spectrogram.BinCount;
        return spectrogram.Magnitude();
    }

    private static float[] Concat(float[][] parts)
    {
        var result = new float[parts.Sum(p => p.Length)];
        int offset = 0;
        foreach (float[] part in parts)
        {
            part.CopyTo(result, offset);
            offset += part.Length;
        }
        return result;
    }
}
