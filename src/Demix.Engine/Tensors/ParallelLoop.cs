namespace Demix.Engine.Tensors;

/// <summary>Splits long element ranges across cores; short ones run inline (threads cost more than they save).</summary>
internal static class ParallelLoop
{
    /// <summary>Element count above which elementwise work is split across cores.</summary>
    public const int MinParallelLength = 1 << 17;

    /// <summary>
    /// Most partial sums a parallel reduction is cut into: the cut depends on the problem size only, so the partials
    /// and the order they are added in are the same on any machine and under any load.
    /// </summary>
    public const int MaxReductionChunks = 8;

    /// <summary>
    /// Runs body(start, count) over [0, length) in chunks; inline when short, on one core or when the engine is limited to
    /// one thread (<see cref="Kernels.GemmBackend.MaxThreads"/>); never for an empty range. The chunks depend on the thread
    /// count, so bodies must not add across chunks.
    /// </summary>
    public static void For(int length, Action<int, int> body, int minChunk = MinParallelLength)
    {
        if (length == 0) return;
        int threads = Math.Min(Environment.ProcessorCount, Kernels.GemmBackend.MaxThreads);
        int workers = Math.Min(threads, length / Math.Max(1, minChunk));
        if (workers <= 1)
        {
            body(0, length);
            return;
        }
        int chunk = (length + workers - 1) / workers;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            int start = worker * chunk;
            int count = Math.Min(chunk, length - start);
            if (count > 0) body(start, count);
        });
    }
}
