using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace Demix.Web.Tests.Serve;

/// <summary>A burst of jobs: all accepted, all finished, none lost, memory bounded.</summary>
public sealed class ManyJobsTests(ITestOutputHelper output)
{
    /// <summary>
    /// Working set the whole test process (other test classes run in parallel) must stay under while 20 jobs
    /// run; it measured 245 MB on 2 loaded cores.
    /// </summary>
    private const long WorkingSetLimitBytes = 600L * 1024 * 1024;

    [Fact]
    public async Task TwentyJobsAtOnce_AllFinish_NoneLost_MemoryBounded()
    {
        const int jobCount = 20;
        string songs = TestSongs.TemporaryFolder();
        byte[][] uploads = [.. Enumerable.Range(0, jobCount).Select(i => File.ReadAllBytes(TestSongs.Wav(songs, 1.0 + 0.05 * i, seed: 10 + i).Path))];
        await using var server = await TestServer.StartAsync(new ServeOptions { Workers = 2 });
        long peak = 0;
        using var sampling = new CancellationTokenSource();
        Task sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                using var self = Process.GetCurrentProcess();
                peak = Math.Max(peak, self.WorkingSet64);
                await Task.Delay(50);
            }
        });
        var watch = Stopwatch.StartNew();

        HttpResponseMessage[] responses = await Task.WhenAll(uploads.Select((u, i) => server.UploadAsync(u, $"song {i}.wav")));
        Guid[] ids = [.. await Task.WhenAll(responses.Select(async r =>
        {
            Assert.Equal(HttpStatusCode.Accepted, r.StatusCode);
            return JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        }))];
        JsonElement[] finished = await Task.WhenAll(ids.Select(id => server.WaitAsync(id, TimeSpan.FromMinutes(3))));
        await sampling.CancelAsync();
        await sampler;

        Assert.Equal(jobCount, ids.Distinct().Count());
        Assert.All(finished, job => Assert.Equal("done", job.GetProperty("state").GetString()));
        JsonElement list = await server.GetJsonAsync("/api/jobs");
        Assert.Equal(ids.Order(), list.EnumerateArray().Select(j => j.GetProperty("id").GetGuid()).Order());
        Assert.Equal(jobCount * 6, server.FilesInWorkFolder().Length);   // 3 WAVs + 3 PNGs each, uploads deleted
        output.WriteLine($"{jobCount} jobs in {watch.Elapsed.TotalSeconds:0.0} s with 2 workers; peak working set {peak / 1048576.0:0} MB");
        Assert.True(peak < WorkingSetLimitBytes, $"peak working set {peak / 1048576.0:0} MB");
        foreach (var response in responses) response.Dispose();
        Directory.Delete(songs, true);
    }
}
