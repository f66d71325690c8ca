using System.Buffers.Binary;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Demix.Web.Tests.Serve;

/// <summary>Refused uploads: a clear JSON error with the right status, and no file or job left behind.</summary>
public sealed class BadUploadTests
{
    [Fact]
    public async Task BadUploads_GetClearErrors_AndLeaveNoFilesOrJobs()
    {
        string songs = TestSongs.TemporaryFolder();
        byte[] song = File.ReadAllBytes(TestSongs.Wav(songs, 1.0).Path);
        byte[] large = File.ReadAllBytes(TestSongs.Wav(songs, 3.0).Path);   // ~260 kB, over the 200 kB limit below
        await using var server = await TestServer.StartAsync(new ServeOptions { MaxUploadBytes = 200_000 });

        await ExpectRefusal(server, [], HttpStatusCode.BadRequest, "is empty (0 bytes)");
        await ExpectRefusal(server, Encoding.UTF8.GetBytes("<html>this is not a song, whatever its name says</html>"),
            HttpStatusCode.UnsupportedMediaType, "is not an audio file");
        await ExpectRefusal(server, large, HttpStatusCode.RequestEntityTooLarge, "larger than the server's limit of 0.2 MB");
        await ExpectRefusal(server, song[..(song.Length / 2)], HttpStatusCode.BadRequest, "truncated WAV: the data chunk declares");
        await ExpectRefusal(server, song[..30], HttpStatusCode.BadRequest, "WAV header");
        await ExpectRefusal(server, song, HttpStatusCode.BadRequest, "Unknown method 'nope'", method: "nope");
        byte[] fakeMp3 = [0xFF, 0xFB, 0x90, 0x64, .. new byte[400]];
        await ExpectRefusal(server, fakeMp3, HttpStatusCode.BadRequest, "song.wav");

        Assert.Empty(server.FilesInWorkFolder());
        Assert.Empty(Directory.GetDirectories(server.WorkFolder));
        Assert.Empty((await server.GetJsonAsync("/api/jobs")).EnumerateArray());
        Directory.Delete(songs, true);
    }

    [Fact]
    public async Task ChunkedUploadOverTheLimit_IsRefusedWhileStreaming()
    {
        await using var server = await TestServer.StartAsync(new ServeOptions { MaxUploadBytes = 100_000 });
        byte[] header = new byte[44];
        "RIFF"u8.CopyTo(header);
        "WAVE"u8.CopyTo(header.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), 0);
        var body = new StreamContent(new MemoryStream([.. header, .. new byte[300_000]]));   // no Content-Length: chunked
        body.Headers.ContentLength = null;
        using HttpResponseMessage response = await server.Client.PostAsync("/api/jobs?name=big.wav", body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(server.FilesInWorkFolder());
    }

    private static async Task ExpectRefusal(TestServer server, byte[] content, HttpStatusCode status, string messagePart, string method = "center")
    {
        using HttpResponseMessage response = await server.UploadAsync(content, "song.wav", method);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {status}, got {response.StatusCode}: {text}");
        string message = JsonDocument.Parse(text).RootElement.GetProperty("error").GetString()!;
        Assert.Contains(messagePart, message, StringComparison.Ordinal);
        Assert.DoesNotContain(server.WorkFolder, message, StringComparison.Ordinal);
    }
}
