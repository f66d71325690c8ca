using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Demix.Web.Endpoints;

/// <summary>
/// The page's files (wwwroot, embedded in this assembly): an explicit table of URL -> resource, so no
/// request path is ever looked up on disk.
/// </summary>
public static class StaticAssets
{
    private static readonly (string Url, string Resource, string ContentType)[] Files =
    [
        ("/", "wwwroot/index.html", "text/html; charset=utf-8"),
        ("/app.js", "wwwroot/app.js", "text/javascript; charset=utf-8"),
        ("/style.css", "wwwroot/style.css", "text/css; charset=utf-8"),
    ];

    /// <summary>Maps each embedded file to its URL.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        foreach (var (url, resource, contentType) in Files)
        {
            byte[] content = Read(resource);
            app.MapGet(url, (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "no-cache";
                return Results.Bytes(content, contentType);
            });
        }
    }

    private static byte[] Read(string resource)
    {
        using Stream stream = typeof(StaticAssets).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded file '{resource}' is missing from {typeof(StaticAssets).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
