using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Demix.Web.Jobs;

/// <summary>
/// <see cref="ServeOptions.Workers"/> loops that take jobs from the queue and run them one at a time each,
/// so at most that many separations use the CPU at once. Stopping the host cancels running jobs (their
/// files are removed) and leaves queued ones failed.
/// </summary>
public sealed class JobWorkers : BackgroundService
{
    private readonly JobQueue queue;
    private readonly JobRunner runner;
    private readonly int workerCount;
    private readonly ILogger<JobWorkers> logger;

    public JobWorkers(JobQueue queue, JobRunner runner, ServeOptions options, ILogger<JobWorkers> logger)
    {
        this.queue = queue;
        this.runner = runner;
        this.logger = logger;
        workerCount = options.Workers;
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, workerCount).Select(_ => Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (Job job in queue.ReadAllAsync(stoppingToken))
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    job.Fail("the server stopped before this job ran.");
                    continue;
                }
                runner.Run(job, stoppingToken);
                logger.LogInformation("Job {Id} ({Name}) finished: {State}", job.Id, job.DisplayName, job.Snapshot().State);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
