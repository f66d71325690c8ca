namespace Demix.Training.Sampling;

/// <summary>
/// Where a run's batches come from: batch k is a function of (seed, k) only, so any thread may build it and a
/// resumed run continues the same sequence. Audio corpora (<see cref="BatchBuilder"/>) or image pairs (<see cref="ImageBatchSource"/>).
/// </summary>
public interface IBatchSource
{
    /// <summary>Examples per batch.</summary>
    int BatchSize { get; }

    /// <summary>Builds batch <paramref name="index"/>.</summary>
    Batch Build(long index);
}
