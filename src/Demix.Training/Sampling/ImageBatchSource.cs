using Demix.Training.Data;

namespace Demix.Training.Sampling;

/// <summary>
/// S0 batches from a spectrogram-image folder: batch k holds <c>batchSize</c> pairs drawn uniformly with the
/// generator of (seed, k), as magnitudes [examples, 1, size frames, size bins] (mono; no augmentation: the images are
/// fixed). The accompaniment is not part of the pairs, so <see cref="Batch.Accompaniment"/> is empty.
/// </summary>
public sealed class ImageBatchSource(IReadOnlyList<ImagePairFolder> folders, int batchSize, int seed) : IBatchSource
{
    private readonly (ImagePairFolder Folder, ImagePair Pair)[] pairs = [.. folders.SelectMany(f => f.Pairs.Select(p => (f, p)))];

    /// <inheritdoc />
    public int BatchSize { get; } = batchSize;

    /// <summary>Pairs pooled from every folder.</summary>
    public int PairCount => pairs.Length;

    /// <inheritdoc />
    public Batch Build(long index)
    {
        var random = new Random(StepRandom.Derive(seed, BatchBuilder.BatchStream, index));
        int size = pairs[0].Folder.ImageSize, plane = size * size;
        float[] mixture = new float[BatchSize * plane], vocals = new float[BatchSize * plane];
        for (int e = 0; e < BatchSize; e++)
        {
            var (folder, pair) = pairs[random.Next(pairs.Length)];
            folder.Magnitudes(pair.Mixture).CopyTo(mixture, e * plane);
            folder.Magnitudes(pair.Vocals).CopyTo(vocals, e * plane);
        }
        return new Batch(index, BatchSize, 1, size, size, mixture, vocals, []);
    }
}
