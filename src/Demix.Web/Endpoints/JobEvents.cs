using System.Text.Json;
using Demix.Web.Jobs;
using Microsoft.AspNetCore.Http;

namespace Demix.Web.Endpoints;

/// <summary>
/// Server-sent events for one job: a <c>data:</c> line with the job's JSON whenever it changes (checked
/// every 200 ms), a comment every 15 s to keep proxies from closing the stream, and the end of the stream
/// once the job is done or failed.
/// </summary>
public static class JobEvents
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    /// <summary>Streams the events of job <paramref name="id"/> until it ends or the client leaves.</summary>
    public static async Task StreamAsync(Guid id, HttpContext context, JobStore store)
    {
        CancellationToken cancellation = context.RequestAborted;
        if (store.Find(id) is not Job job)
        {
            await JobEndpoints.Error(StatusCodes.Status404NotFound, $"No job {id}.").ExecuteAsync(context);
            return;
        }
        HttpResponse response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        long sentVersion = -1;
        DateTime lastWrite = DateTime.UtcNow;
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                JobView view = job.Snapshot();
                if (view.Version != sentVersion)
                {
                    string json = JsonSerializer.Serialize(view, WebJson.Api.JobView);
                    await response.WriteAsync($"data: {json}\n\n", cancellation);
                    await response.Body.FlushAsync(cancellation);
                    (sentVersion, lastWrite) = (view.Version, DateTime.UtcNow);
                }
                if (view.State is "done" or "failed") return;
                if (DateTime.UtcNow - lastWrite > KeepAliveInterval)
                {
                    await response.WriteAsync(": keep-alive\n\n", cancellation);
                    await response.Body.FlushAsync(cancellation);
                    lastWrite = DateTime.UtcNow;
                }
                await Task.Delay(PollInterval, cancellation);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client went away.
        }
    }
}
