using System.Net;
using System.Net.Sockets;

namespace Demix.Separation.Tests.Models;

/// <summary>A minimal HTTP server on 127.0.0.1 serving fixed files by name (404 otherwise), for download tests.</summary>
internal sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly IReadOnlyDictionary<string, byte[]> files;
    private readonly Task loop;

    public LocalHttpServer(IReadOnlyDictionary<string, byte[]> files)
    {
        this.files = files;
        int port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/models";
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        loop = Task.Run(Serve);
    }

    /// <summary>Files are at <c>BaseUrl/&lt;name&gt;</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>Paths requested so far.</summary>
    public List<string> Requests { get; } = [];

    /// <summary>A port nothing listens on (for the offline case).</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task Serve()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            string name = context.Request.Url!.AbsolutePath.Split('/')[^1];
            lock (Requests) Requests.Add(context.Request.Url.AbsolutePath);
            using HttpListenerResponse response = context.Response;
            if (!files.TryGetValue(name, out byte[]? body))
            {
                response.StatusCode = 404;
                continue;
            }
            response.ContentLength64 = body.Length;
            await response.OutputStream.WriteAsync(body);
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        try { loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
