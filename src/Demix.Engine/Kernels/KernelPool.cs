namespace Demix.Engine.Kernels;

/// <summary>
/// The kernels' own worker threads (one per extra processor, created on first use). Idle workers block on a
/// monitor and never spin, so they leave their core to other processes. Only one parallel section runs at a
/// time: a call made while the pool is busy (another thread's product, or a nested call) runs on its own thread
/// instead, so the kernels never oversubscribe the cores. When helpers keep the caller waiting (other processes
/// hold the cores), the pool backs off and lets callers run alone for 50 ms at a time.
/// </summary>
internal static class KernelPool
{
    private static readonly object Gate = new();
    private static readonly int HelperCount = Math.Max(0, Environment.ProcessorCount - 1);
    private static int busy;
    private static long generation;
    private static Job? current;
    private static bool started;
    private static long backOffUntil;

    /// <summary>After a section in which the caller waited longer for a helper than it worked itself, how long to run alone.</summary>
    private static readonly long BackOffTicks = System.Diagnostics.Stopwatch.Frequency / 20;

    /// <summary>Waits shorter than this (about 0.2 ms) never count as a sign of an oversubscribed machine.</summary>
    private static readonly long MinSignificantWaitTicks = System.Diagnostics.Stopwatch.Frequency / 5000;

    /// <summary>
    /// Runs body(worker) on the calling thread (worker 0) and on up to <paramref name="workers"/> - 1 helpers
    /// (workers 1..). Helpers that wake after the caller's body has returned do not run it, so the body must
    /// take its work from a shared counter. Returns false, running nothing, when the pool is busy.
    /// </summary>
    public static bool TryRun(int workers, Action<int> body)
    {
        if (HelperCount == 0 || System.Diagnostics.Stopwatch.GetTimestamp() < Volatile.Read(ref backOffUntil)
            || Interlocked.CompareExchange(ref busy, 1, 0) != 0)
        {
            return false;
        }

        try
        {
            StartHelpers();
            var job = new Job(body, Math.Min(workers - 1, HelperCount));
            lock (Gate)
            {
                current = job;
                generation++;
                Monitor.PulseAll(Gate);
            }

            long start = System.Diagnostics.Stopwatch.GetTimestamp(), worked = start;
            try
            {
                body(0);
                worked = System.Diagnostics.Stopwatch.GetTimestamp();
            }
            finally
            {
                job.CloseAndWait(); // helpers must be done before the caller's pinned buffers are released
            }

            NoteWait(worked - start, System.Diagnostics.Stopwatch.GetTimestamp() - worked);
            return true;
        }
        finally
        {
            Volatile.Write(ref busy, 0);
        }
    }

    /// <summary>
    /// A caller that waited longer for a helper than it worked itself saw a helper descheduled mid-item: the cores
    /// are oversubscribed, and splitting makes products slower, so the next sections run on the caller alone for
    /// a while (then splitting is tried again).
    /// </summary>
    private static void NoteWait(long workedTicks, long waitedTicks)
    {
        if (waitedTicks > MinSignificantWaitTicks && waitedTicks > workedTicks)
        {
            Volatile.Write(ref backOffUntil, System.Diagnostics.Stopwatch.GetTimestamp() + BackOffTicks);
        }
    }

    private static void StartHelpers()
    {
        if (started)
        {
            return;
        }

        for (int i = 1; i <= HelperCount; i++)
        {
            int index = i;
            new Thread(() => HelperLoop(index)) { IsBackground = true, Name = $"Demix kernel worker {index}" }.Start();
        }

        started = true;
    }

    private static void HelperLoop(int index)
    {
        long seen = 0;
        while (true)
        {
            Job job;
            lock (Gate)
            {
                while (generation == seen)
                {
                    Monitor.Wait(Gate);
                }

                seen = generation;
                job = current!;
            }

            if (index <= job.Helpers)
            {
                job.RunHelper(index);
            }
        }
    }

    /// <summary>One parallel section: the body, how many helpers may join, and who is still running.</summary>
    private sealed class Job(Action<int> body, int helpers)
    {
        private int active;
        private bool closed;
        private Exception? failure;

        public int Helpers { get; } = helpers;

        public void RunHelper(int index)
        {
            lock (this)
            {
                if (closed)
                {
                    return;
                }

                active++;
            }

            try
            {
                body(index);
            }
            catch (Exception e)
            {
                failure ??= e;
            }
            finally
            {
                lock (this)
                {
                    if (--active == 0)
                    {
                        Monitor.PulseAll(this);
                    }
                }
            }
        }

        /// <summary>Stops late helpers from joining, waits for the running ones, rethrows a helper's exception.</summary>
        public void CloseAndWait()
        {
            lock (this)
            {
                closed = true;
                while (active > 0)
                {
                    Monitor.Wait(this);
                }
            }

            if (failure is not null)
            {
                throw new AggregateException(failure);
            }
        }
    }
}
