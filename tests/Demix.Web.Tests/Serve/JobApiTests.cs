using System.Net;
using System.Text.Json;
using Demix.Audio;
using Demix.Imaging.Png;

namespace Demix.Web.Tests.Serve;

/// <summary>The API over real HTTP on 127.0.0.1: upload, progress events, downloads, library picks, expiry.</summary>
public sealed class JobApiTests
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Upload_ShortWav_EventsReachDoneAndStemsDecodeWithTheInputLength()
    {
        string songs = TestSongs.TemporaryFolder();
        await using var server = await TestServer.StartAsync();
        (string song, int frames) = TestSongs.Wav(songs, seconds: 2.0);

        using HttpResponseMessage created = await server.UploadAsync(File.ReadAllBytes(song), "my song.wav");
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        Guid id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        List<JsonElement> events = await server.FollowAsync(id, JobTimeout);

        Assert.NotEmpty(events);
        Assert.Equal("done", events[^1].GetProperty("state").GetString());
        double[] progress = [.. events.Select(e => e.GetProperty("progress").GetDouble())];
        Assert.True(progress.Zip(progress.Skip(1)).All(p => p.Second >= p.First), $"progress went back: {string.Join(", ", progress)}");
        Assert.Equal(2.0, events[^1].GetProperty("durationSeconds").GetDouble(), 2);
        foreach (string track in new[] { "mixture", "vocals", "accompaniment" })
        {
            byte[] wav = await server.Client.GetByteArrayAsync($"/api/jobs/{id}/audio/{track}?download=true");
            string path = Path.Combine(songs, $"{track}.wav");
            File.WriteAllBytes(path, wav);
            Waveform stem = AudioFile.Read(path);
            Assert.Equal((frames, 2, 22050), (stem.FrameCount, stem.ChannelCount, stem.SampleRate));
            var image = PngDecoder.Decode(await server.Client.GetByteArrayAsync($"/api/jobs/{id}/spectrogram/{track}"));
            Assert.Equal((900, 260), (image.Width, image.Height));
        }
        Directory.Delete(songs, true);
    }

    [Fact]
    public async Task Download_AsksForAnAttachmentNamedAfterTheSongAndSupportsRanges()
    {
        string songs = TestSongs.TemporaryFolder();
        await using var server = await TestServer.StartAsync();
        using HttpResponseMessage created = await server.UploadAsync(File.ReadAllBytes(TestSongs.Wav(songs, 1.0).Path), "Take 5.wav");
        Guid id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        await server.WaitAsync(id, JobTimeout);

        using HttpResponseMessage download = await server.Client.GetAsync($"/api/jobs/{id}/audio/vocals?download=true");
        Assert.Equal("Take 5_vocals.wav", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/api/jobs/{id}/audio/vocals");
        ranged.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 11);
        using HttpResponseMessage part = await server.Client.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString((await part.Content.ReadAsByteArrayAsync())[..4]));
        Directory.Delete(songs, true);
    }

    [Theory]
    [InlineData("/api/jobs/{id}/audio/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/api/jobs/{id}/audio/upload.bin")]
    [InlineData("/api/jobs/{id}/spectrogram/drums")]
    [InlineData("/api/jobs/not-a-guid/audio/vocals")]
    [InlineData("/api/jobs/00000000-0000-0000-0000-000000000001/audio/vocals")]
    [InlineData("/api/jobs/library/..%2F..%2Fetc%2Fpasswd")]
    public async Task UnknownJobsTracksAndPaths_AreJsonNotFound(string template)
    {
        string songs = TestSongs.TemporaryFolder();
        await using var server = await TestServer.StartAsync();
        using HttpResponseMessage created = await server.UploadAsync(File.ReadAllBytes(TestSongs.Wav(songs, 1.0).Path));
        Guid id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        await server.WaitAsync(id, JobTimeout);

        HttpMethod method = template.Contains("/library/", StringComparison.Ordinal) ? HttpMethod.Post : HttpMethod.Get;
        using HttpResponseMessage response = await server.Client.SendAsync(new HttpRequestMessage(method, template.Replace("{id}", id.ToString())));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()));
        Directory.Delete(songs, true);
    }

    [Fact]
    public async Task Library_ListsSongsByOpaqueIdAndSeparatesAPick()
    {
        string library = TestSongs.TemporaryFolder();
        Directory.CreateDirectory(Path.Combine(library, "album"));
        TestSongs.Wav(Path.Combine(library, "album"), 1.0, seed: 3);
        File.WriteAllText(Path.Combine(library, "notes.txt"), "not a song");
        await using var server = await TestServer.StartAsync(new ServeOptions { LibraryFolder = library });

        JsonElement songs = await server.GetJsonAsync("/api/library");
        JsonElement song = Assert.Single(songs.EnumerateArray());
        Assert.Equal("album/song-3-1s.wav", song.GetProperty("name").GetString());
        string id = song.GetProperty("id").GetString()!;
        Assert.Matches("^[0-9a-f]{16}$", id);
        using HttpResponseMessage created = await server.Client.PostAsync($"/api/jobs/library/{id}?method=karaoke-invert", null);
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        Guid job = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        Assert.Equal("done", (await server.WaitAsync(job, JobTimeout)).GetProperty("state").GetString());
        Assert.True(File.Exists(Path.Combine(library, "album", "song-3-1s.wav")), "the library song must stay");
        Directory.Delete(library, true);
    }

    [Fact]
    public async Task FinishedJobs_ExpireWithTheirFiles()
    {
        string songs = TestSongs.TemporaryFolder();
        var options = new ServeOptions { JobLifetime = TimeSpan.FromMilliseconds(300), CleanupInterval = TimeSpan.FromMilliseconds(100) };
        await using var server = await TestServer.StartAsync(options);
        using HttpResponseMessage created = await server.UploadAsync(File.ReadAllBytes(TestSongs.Wav(songs, 1.0).Path));
        Guid id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        await server.WaitAsync(id, JobTimeout);

        for (int i = 0; i < 50 && server.FilesInWorkFolder().Length > 0; i++) await Task.Delay(100);
        Assert.Empty(server.FilesInWorkFolder());
        using HttpResponseMessage gone = await server.Client.GetAsync($"/api/jobs/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Directory.Delete(songs, true);
    }

    [Fact]
    public async Task Shutdown_RemovesEveryJobFolder_FinishedAndQueued()
    {
        string songs = TestSongs.TemporaryFolder();
        await using var server = await TestServer.StartAsync();
        byte[] song = File.ReadAllBytes(TestSongs.Wav(songs, 1.0).Path);
        using HttpResponseMessage first = await server.UploadAsync(song);
        Guid id = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        await server.WaitAsync(id, JobTimeout);
        for (int i = 0; i < 3; i++) (await server.UploadAsync(song)).Dispose();   // queued or running at shutdown
        Assert.NotEmpty(server.FilesInWorkFolder());

        await server.StopAsync();

        Assert.Empty(server.FilesInWorkFolder());
        Assert.Empty(Directory.GetDirectories(server.WorkFolder));
        Directory.Delete(songs, true);
    }

    [Fact]
    public async Task Page_IsServedWithTheScriptAndUnknownPagesAreA404Page()
    {
        await using var server = await TestServer.StartAsync();
        string page = await server.Client.GetStringAsync("/");
        Assert.Contains("<script src=\"/app.js\"", page, StringComparison.Ordinal);
        Assert.Contains("class SyncPlayer", await server.Client.GetStringAsync("/app.js"), StringComparison.Ordinal);
        using HttpResponseMessage missing = await server.Client.GetAsync("/../../etc/passwd");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Not found", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        JsonElement methods = await server.GetJsonAsync("/api/methods");
        Assert.Contains(methods.EnumerateArray(), m => m.GetProperty("name").GetString() == "center" && m.GetProperty("isDefault").GetBoolean());
    }
}
