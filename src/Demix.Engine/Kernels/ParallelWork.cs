namespace Demix.Engine.Kernels;

/// <summary>
/// Runs numbered work items on up to N threads (the caller plus <see cref="KernelPool"/> helpers) that take the
/// next item from a shared counter, so a thread slowed by other load simply takes fewer items. No spinning.
/// </summary>
internal static class ParallelWork
{
    /// <summary>Calls <paramref name="body"/>(item) once for every item in [0, items).</summary>
    public static void Run(int items, int threads, Action<int> body) => Run(items, threads, (item, _) => body(item));

    /// <summary>Calls <paramref name="body"/>(item, worker) once for every item; worker is in [0, min(items, threads)).</summary>
    public static void Run(int items, int threads, Action<int, int> body)
    {
        int workers = Math.Min(items, threads);
        if (workers <= 1)
        {
            for (int item = 0; item < items; item++)
            {
                body(item, 0);
            }

            return;
        }

        int next = -1;
        void Worker(int worker)
        {
            int item;
            while ((item = Interlocked.Increment(ref next)) < items)
            {
                body(item, worker);
            }
        }

        if (!KernelPool.TryRun(workers, Worker))
        {
            Worker(0);
        }
    }
}
