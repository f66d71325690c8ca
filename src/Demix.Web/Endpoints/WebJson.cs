using System.Text.Json;
using System.Text.Json.Serialization;
using Demix.Web.Jobs;
using Demix.Web.Library;

namespace Demix.Web.Endpoints;

/// <summary>An error body: <c>{"error": "..."}</c>.</summary>
public sealed record ErrorBody(string Error);

/// <summary>A separation method offered on the page.</summary>
public sealed record MethodView(string Name, string Description, bool IsDefault);

/// <summary>Server limits the page shows.</summary>
public sealed record ServerInfo(long MaxUploadBytes, int Workers, bool HasLibrary);

/// <summary>Source-generated JSON for every type the API writes (no reflection at run time).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(JobView))]
[JsonSerializable(typeof(IReadOnlyList<JobView>))]
[JsonSerializable(typeof(IReadOnlyList<LibrarySong>))]
[JsonSerializable(typeof(IReadOnlyList<MethodView>))]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(ServerInfo))]
public sealed partial class WebJson : JsonSerializerContext
{
    /// <summary>
    /// The context the API writes with: quotes and apostrophes in messages stay readable (not \u0027). Safe
    /// because every response is application/json with X-Content-Type-Options: nosniff, never inlined in HTML.
    /// </summary>
    public static WebJson Api { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
