namespace Demix.Engine.Tensors;

/// <summary>Splits long element ranges across cores; short ones run inline (threads cost more than they save).</summary>
internal static class ParallelLoop
{
    /// <summary>Element count above which elementwise work is split across cores.</summary>
    public const int MinParallelLength = 1 << 17;

    /// <summary>Runs body(start, count) over [0, length) in chunks; inline when short or on one core; never for an empty range.</summary>
    public static void For(int length, Action<int, int> body, int minChunk = MinParallelLength)
    {
        if (length == 0) return;
        int workers = Math.Min(Environment.ProcessorCount, length / Math.Max(1, minChunk));
        if (workers <= 1)
        {
            body(0, length);
            return;
        }
        int chunk = (length + workers - 1) / workers;
        Parallel.For(0, workers, worker =>
        {
            int start = worker * chunk;
            int count = Math.Min(chunk, length - start);
            if (count > 0) body(start, count);
        });
    }
}
