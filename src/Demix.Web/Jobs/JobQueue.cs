using System.Threading.Channels;

namespace Demix.Web.Jobs;

/// <summary>
/// The jobs waiting for a worker, first in first out. Bounded by <see cref="ServeOptions.MaxPendingJobs"/>
/// (waiting plus running), so a flood of uploads is refused instead of filling the disk.
/// </summary>
public sealed class JobQueue
{
    private readonly Channel<Job> channel = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });
    private readonly JobStore store;
    private readonly int maxPending;
    private readonly Lock gate = new();

    public JobQueue(JobStore store, ServeOptions options)
    {
        this.store = store ?? throw new ArgumentNullException(nameof(store));
        maxPending = (options ?? throw new ArgumentNullException(nameof(options))).MaxPendingJobs;
    }

    /// <summary>Registers and queues <paramref name="job"/>, or returns false when too many jobs are pending.</summary>
    public bool TryEnqueue(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (gate)
        {
            if (store.PendingCount >= maxPending) return false;
            store.Add(job);
        }
        return channel.Writer.TryWrite(job);
    }

    /// <summary>The jobs in arrival order, for the workers.</summary>
    public IAsyncEnumerable<Job> ReadAllAsync(CancellationToken cancellation) => channel.Reader.ReadAllAsync(cancellation);
}
