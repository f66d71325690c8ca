using System.Diagnostics;
using System.Threading.Channels;

namespace Demix.Training.Sampling;

/// <summary>
/// Hands the trainer batch k, k+1, ...: built on the training thread (<c>workers: 0</c>) or by a background
/// thread that keeps a bounded <see cref="Channel{T}"/> of ready batches full, so the engine never waits for data.
/// Batches are built in index order either way, and each from its own seeded generator.
/// </summary>
public sealed class BatchQueue : IDisposable
{
    private readonly IBatchSource builder;
    private readonly Channel<Batch>? channel;
    private readonly CancellationTokenSource stop = new();
    private readonly Thread? worker;
    private long next;

    /// <summary>Starts at batch <paramref name="firstIndex"/>; <paramref name="prefetch"/> = 0 builds on demand.</summary>
    public BatchQueue(IBatchSource builder, long firstIndex, int prefetch)
    {
        this.builder = builder ?? throw new ArgumentNullException(nameof(builder));
        next = firstIndex;
        if (prefetch <= 0) return;
        channel = Channel.CreateBounded<Batch>(new BoundedChannelOptions(prefetch) { SingleReader = true, SingleWriter = true });
        worker = new Thread(() => Produce(firstIndex)) { IsBackground = true, Name = "demix-batches", Priority = ThreadPriority.BelowNormal };
        worker.Start();
    }

    /// <summary>Seconds the consumer waited for a batch (background mode) or spent building it (on demand).</summary>
    public double WaitSeconds { get; private set; }

    /// <summary>The next batch, in index order.</summary>
    public Batch Next(CancellationToken cancellation = default)
    {
        long start = Stopwatch.GetTimestamp();
        Batch batch;
        if (channel is null) batch = builder.Build(next);
        else
        {
            var read = channel.Reader.ReadAsync(cancellation);
            batch = read.IsCompletedSuccessfully ? read.Result : read.AsTask().GetAwaiter().GetResult();
        }
        WaitSeconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
        if (batch.Index != next) throw new InvalidOperationException($"Batch {batch.Index} arrived, {next} was expected.");
        next++;
        return batch;
    }

    private void Produce(long index)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                Batch batch = builder.Build(index++);
                if (!channel!.Writer.WaitToWriteAsync(stop.Token).AsTask().GetAwaiter().GetResult()) return;
                channel.Writer.TryWrite(batch);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            channel!.Writer.TryComplete(e);
            return;
        }
        channel!.Writer.TryComplete();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        stop.Cancel();
        worker?.Join();
        stop.Dispose();
    }
}
