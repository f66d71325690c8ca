using Demix.Separation.Methods;
using Demix.Web.Jobs;
using Demix.Web.Library;
using Demix.Web.Uploads;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Demix.Web.Endpoints;

/// <summary>
/// The JSON API under <c>/api</c>: methods, library, jobs (create by upload or library pick, list, get,
/// delete, server-sent progress events) and each finished job's audio and spectrograms. Job ids are
/// route-constrained GUIDs and track names are looked up in <see cref="StemFiles"/>; errors are
/// <c>{"error": "..."}</c> with a 4xx status.
/// </summary>
public static class JobEndpoints
{
    /// <summary>Maps every endpoint.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        RouteGroupBuilder api = app.MapGroup("/api");
        api.MapGet("/info", (ServeOptions options, SongLibrary library) =>
            Results.Json(new ServerInfo(options.MaxUploadBytes, options.Workers, options.LibraryFolder is not null), WebJson.Api.ServerInfo));
        api.MapGet("/methods", (SeparationChoices choices) => Results.Json(Methods(choices), WebJson.Api.IReadOnlyListMethodView));
        api.MapGet("/library", (SongLibrary library) => Results.Json(library.List(), WebJson.Api.IReadOnlyListLibrarySong));
        api.MapGet("/jobs", (JobStore store) => Results.Json(store.List().Select(j => j.Snapshot()).ToList(), WebJson.Api.IReadOnlyListJobView));
        api.MapPost("/jobs", UploadAsync);
        api.MapPost("/jobs/library/{songId}", PickFromLibrary);
        api.MapGet("/jobs/{id:guid}", (Guid id, JobStore store) =>
            store.Find(id) is Job job ? Results.Json(job.Snapshot(), WebJson.Api.JobView) : NotFound(id));
        api.MapDelete("/jobs/{id:guid}", (Guid id, JobStore store) =>
            store.Find(id) is { IsFinished: true } && store.Remove(id) ? Results.NoContent()
            : store.Find(id) is null ? NotFound(id) : Error(StatusCodes.Status409Conflict, "The job is still running; delete it when it has finished."));
        api.MapGet("/jobs/{id:guid}/events", JobEvents.StreamAsync);
        api.MapGet("/jobs/{id:guid}/audio/{track}", (Guid id, string track, bool? download, JobStore store) =>
            TrackFile(id, track, StemFiles.AudioFile(track), store, "audio/wav", download == true));
        api.MapGet("/jobs/{id:guid}/spectrogram/{track}", (Guid id, string track, JobStore store) =>
            TrackFile(id, track, StemFiles.SpectrogramFile(track), store, "image/png", download: false));
        api.MapFallback(() => Error(StatusCodes.Status404NotFound, "No such API endpoint."));
    }

    /// <summary>An error result with a JSON body.</summary>
    public static IResult Error(int statusCode, string message) => Results.Json(new ErrorBody(message), WebJson.Api.ErrorBody, statusCode: statusCode);

    private static IReadOnlyList<MethodView> Methods(SeparationChoices choices) =>
        [.. choices.List().Select(c => new MethodView(c.Name, c.Description, c.IsDefault))];

    private static async Task<IResult> UploadAsync(HttpRequest request, string? method, string? name, UploadReceiver receiver, JobQueue queue, SeparationChoices choices, CancellationToken cancellation)
    {
        try
        {
            string methodName = CheckMethod(method, choices);
            string displayName = UploadReceiver.CleanDisplayName(name);
            (Guid id, string folder, string path) = await receiver.ReceiveAsync(request, displayName, cancellation);
            return Enqueue(new Job(id, folder, path, displayName, methodName), queue);
        }
        catch (UploadException refused)
        {
            return Error(refused.StatusCode, refused.Message);
        }
    }

    private static IResult PickFromLibrary(string songId, string? method, SongLibrary library, JobStore store, JobQueue queue, SeparationChoices choices)
    {
        string methodName;
        try
        {
            methodName = CheckMethod(method, choices);
        }
        catch (UploadException refused)
        {
            return Error(refused.StatusCode, refused.Message);
        }
        if (library.Find(songId) is not var (song, path)) return Error(StatusCodes.Status404NotFound, $"No song with id '{songId}' in the library.");
        (Guid id, string folder) = store.NewFolder();
        return Enqueue(new Job(id, folder, path, song.Name, methodName), queue);
    }

    private static IResult Enqueue(Job job, JobQueue queue)
    {
        if (queue.TryEnqueue(job)) return Results.Json(job.Snapshot(), WebJson.Api.JobView, statusCode: StatusCodes.Status202Accepted);
        JobStore.DeleteFolder(job.Folder);
        return Error(StatusCodes.Status503ServiceUnavailable, "Too many jobs are waiting; try again when some have finished.");
    }

    private static string CheckMethod(string? method, SeparationChoices choices)
    {
        string name = string.IsNullOrWhiteSpace(method) ? MethodRegistry.DefaultMethod : method.Trim();
        return choices.Find(name) ?? throw new UploadException(StatusCodes.Status400BadRequest,
            $"Unknown method '{name}'; choose one of: {string.Join(", ", choices.List().Select(c => c.Name))}.");
    }

    private static IResult TrackFile(Guid id, string track, string? fileName, JobStore store, string contentType, bool download)
    {
        if (store.Find(id) is not Job job) return NotFound(id);
        if (fileName is null) return Error(StatusCodes.Status404NotFound, $"Unknown track '{track}'; the tracks are {string.Join(", ", StemFiles.Names)}.");
        if (job.Snapshot() is not { State: "done" } view) return Error(StatusCodes.Status409Conflict, "The job has not finished successfully; its files are not ready.");
        if (!view.Tracks.Contains(track)) return Error(StatusCodes.Status404NotFound, $"This job has no '{track}' track; it has {string.Join(", ", view.Tracks)}.");
        string path = Path.Combine(job.Folder, fileName);
        if (!File.Exists(path)) return Error(StatusCodes.Status410Gone, "The job's files have been removed.");
        string? downloadName = download ? $"{Path.GetFileNameWithoutExtension(job.DisplayName)}_{track}{Path.GetExtension(fileName)}" : null;
        return Results.File(path, contentType, downloadName, enableRangeProcessing: true);
    }

    private static IResult NotFound(Guid id) => Error(StatusCodes.Status404NotFound, $"No job {id}; finished jobs are removed after a while.");
}
