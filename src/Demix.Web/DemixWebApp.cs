using System.Text.Json;
using Demix.Separation.Models;
using Demix.Web.Endpoints;
using Demix.Web.Jobs;
using Demix.Web.Library;
using Demix.Web.Uploads;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Demix.Web;

/// <summary>
/// The <c>demix serve</c> application: Kestrel on <see cref="ServeOptions.Urls"/> (loopback by default),
/// the page, the JSON API, the job queue and its workers, and the janitor that expires old jobs.
/// </summary>
public static class DemixWebApp
{
    /// <summary>Builds the application (not started).</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static WebApplication Build(ServeOptions options, LogLevel minimumLogLevel = LogLevel.Warning)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.Logging.SetMinimumLevel(minimumLogLevel);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);   // no line per request
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, WebJson.Api));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => new JobStore(options.WorkFolder));
        builder.Services.AddSingleton(_ => new SeparationChoices(options.ModelFolder is null ? ModelStore.Default() : new ModelStore(options.ModelFolder)));
        builder.Services.AddSingleton<JobQueue>();
        builder.Services.AddSingleton<JobRunner>();
        builder.Services.AddSingleton<UploadReceiver>();
        builder.Services.AddSingleton(_ => new SongLibrary(options.LibraryFolder));
        // Registered first so it stops last: the workers have ended when it deletes the job folders.
        builder.Services.AddHostedService<JobJanitor>();
        builder.Services.AddHostedService<JobWorkers>();
        WebApplication app = builder.Build();
        app.UseExceptionHandler(handler => handler.Run(WriteErrorAsync));
        app.Use(AddSecurityHeaders);
        StaticAssets.Map(app);
        JobEndpoints.Map(app);
        app.MapFallback(NotFoundPageAsync);
        return app;
    }

    /// <summary>The addresses the started <paramref name="app"/> listens on (with the real ports when port 0 was asked for).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var feature = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        return feature is null ? [] : [.. feature.Addresses];
    }

    /// <summary>The JSON error of a refused upload, or a 500 that names no server path or stack.</summary>
    private static async Task WriteErrorAsync(HttpContext context)
    {
        Exception? error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        (int status, string message) = error switch
        {
            UploadException upload => (upload.StatusCode, upload.Message),
            BadHttpRequestException bad => (bad.StatusCode, $"Bad request: {bad.Message}"),
            _ => (StatusCodes.Status500InternalServerError, "The server failed on this request; see its log."),
        };
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new ErrorBody(message), WebJson.Api.ErrorBody));
    }

    private static Task AddSecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; media-src 'self' blob:; style-src 'self'; script-src 'self'";
        return next();
    }

    private static async Task NotFoundPageAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found - Demix</title></head>" +
            "<body><h1>Not found</h1><p>This page does not exist. " +
            "<a href=\"/\">Back to Demix</a>.</p></body></html>");
    }
}
