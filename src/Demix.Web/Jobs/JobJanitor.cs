using Microsoft.Extensions.Hosting;

namespace Demix.Web.Jobs;

/// <summary>Removes finished jobs (record and files) <see cref="ServeOptions.JobLifetime"/> after they end, and every job folder at shutdown.</summary>
public sealed class JobJanitor : BackgroundService
{
    private readonly JobStore store;
    private readonly ServeOptions options;
    private readonly TimeProvider clock;

    public JobJanitor(JobStore store, ServeOptions options, TimeProvider clock)
    {
        this.store = store;
        this.options = options;
        this.clock = clock;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CleanupInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                store.RemoveFinishedBefore(clock.GetUtcNow().UtcDateTime - options.JobLifetime);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        store.Dispose();
    }
}
