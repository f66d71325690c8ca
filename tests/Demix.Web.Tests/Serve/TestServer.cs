using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;

namespace Demix.Web.Tests.Serve;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 on a free port (port 0), with its work folder in a temporary
/// folder the test can inspect, and an <see cref="HttpClient"/> pointed at it.
/// </summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestServer(WebApplication app, ServeOptions options, string baseAddress)
    {
        this.app = app;
        Options = options;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = new Uri(baseAddress), Timeout = TimeSpan.FromMinutes(2) };
    }

    public ServeOptions Options { get; }

    public string BaseAddress { get; }

    public HttpClient Client { get; }

    /// <summary>The work folder (job folders are below it).</summary>
    public string WorkFolder => Options.WorkFolder!;

    public static async Task<TestServer> StartAsync(ServeOptions? options = null)
    {
        options = (options ?? new ServeOptions()) with { Urls = "http://127.0.0.1:0", WorkFolder = TestSongs.TemporaryFolder() };
        WebApplication app = DemixWebApp.Build(options);
        await app.StartAsync();
        string address = DemixWebApp.Addresses(app).Single();
        Assert.StartsWith("http://127.0.0.1:", address);
        return new TestServer(app, options, address);
    }

    /// <summary>POSTs <paramref name="content"/> as an upload.</summary>
    public Task<HttpResponseMessage> UploadAsync(byte[] content, string name = "song.wav", string method = "center")
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return Client.PostAsync($"/api/jobs?method={method}&name={Uri.EscapeDataString(name)}", body);
    }

    /// <summary>Reads the server-sent events of a job until it ends; returns every event's JSON.</summary>
    public async Task<List<JsonElement>> FollowAsync(Guid id, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/jobs/{id}/events");
        using HttpResponseMessage response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellation.Token));
        var events = new List<JsonElement>();
        for (string? line; (line = await reader.ReadLineAsync(cancellation.Token)) is not null;)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal)) events.Add(JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone());
        }
        return events;
    }

    /// <summary>Polls a job until it is done or failed.</summary>
    public async Task<JsonElement> WaitAsync(Guid id, TimeSpan timeout)
    {
        DateTime end = DateTime.UtcNow + timeout;
        while (true)
        {
            JsonElement job = await GetJsonAsync($"/api/jobs/{id}");
            if (job.GetProperty("state").GetString() is "done" or "failed") return job;
            if (DateTime.UtcNow > end) throw new TimeoutException($"Job {id} did not finish within {timeout}: {job}");
            await Task.Delay(100);
        }
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        string text = await Client.GetStringAsync(path);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Files anywhere below the work folder.</summary>
    public string[] FilesInWorkFolder() => Directory.Exists(WorkFolder) ? Directory.GetFiles(WorkFolder, "*", SearchOption.AllDirectories) : [];

    /// <summary>Stops the app (as Ctrl+C would); the work folder stays for inspection until disposal.</summary>
    public Task StopAsync() => app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        if (Directory.Exists(WorkFolder)) Directory.Delete(WorkFolder, true);
    }
}
