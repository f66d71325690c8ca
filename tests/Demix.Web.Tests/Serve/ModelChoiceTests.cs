using System.Net;
using System.Text.Json;
using Demix.Separation.Models;
using Demix.Separation.Models.OpenUnmix;

namespace Demix.Web.Tests.Serve;

/// <summary>Cached models are offered next to the methods and run as jobs; other names are refused.</summary>
public sealed class ModelChoiceTests
{
    [Fact]
    public async Task CachedModel_IsOfferedAndSeparatesAnUpload()
    {
        string models = TestSongs.TemporaryFolder();
        string songs = TestSongs.TemporaryFolder();
        var hyper = new OpenUnmixHyperParameters { HiddenSize = 8, LayerCount = 2, ChannelCount = 2, WienerIterations = 0 };
        ModelFile.Save(OpenUnmixFamily.Create("tiny", ["vocals"], hyper, new Random(5)), models);
        await using var server = await TestServer.StartAsync(new ServeOptions { ModelFolder = models });

        JsonElement methods = await server.GetJsonAsync("/api/methods");
        Assert.Contains(methods.EnumerateArray(), m => m.GetProperty("name").GetString() == "model-tiny");
        (string song, int frames) = TestSongs.Wav(songs, 1.0);
        using HttpResponseMessage created = await server.UploadAsync(File.ReadAllBytes(song), method: "model-tiny");
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        Guid id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        JsonElement job = await server.WaitAsync(id, TimeSpan.FromSeconds(90));

        Assert.Equal("done", job.GetProperty("state").GetString());
        string[] tracks = [.. job.GetProperty("tracks").EnumerateArray().Select(t => t.GetString()!)];
        Assert.Contains("vocals", tracks);
        foreach (string track in tracks)
        {
            using HttpResponseMessage audio = await server.Client.GetAsync($"/api/jobs/{id}/audio/{track}");
            Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        }
        using HttpResponseMessage refused = await server.UploadAsync(File.ReadAllBytes(song), method: "model-../../etc");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Directory.Delete(models, true);
        Directory.Delete(songs, true);
    }
}
