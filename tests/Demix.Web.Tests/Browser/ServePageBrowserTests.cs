using Demix.Audio;
using Microsoft.Playwright;
using Demix.Tests.Shared;
using Demix.Web.Tests.Serve;

namespace Demix.Web.Tests.Browser;

/// <summary>End to end in a real browser: upload a short song on the page, wait for the job, check the players,
/// spectrograms and downloads, and save a screenshot (to docs/images/serve.png when DEMIX_UPDATE_SCREENSHOTS=1).</summary>
public sealed class ServePageBrowserTests
{
    [Fact]
    public async Task UploadOnThePage_ShowsPlayersAndSpectrograms_AndStemsDownload()
    {
        string work = TestSongs.TemporaryFolder();
        (string song, int frames) = TestSongs.Wav(work, seconds: 3.0, seed: 7);
        string named = Path.Combine(work, "demo song.wav");
        File.Move(song, named);
        await using var server = await TestServer.StartAsync();
        await using var browser = await ChromiumSession.StartAsync(Path.Combine(work, "downloads"));
        IPage page = browser.Context.Pages.FirstOrDefault() ?? await browser.Context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };

        await page.GotoAsync(server.BaseAddress);
        await page.Locator("#method option[value=center]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.SetInputFilesAsync("#file", named);
        await page.ClickAsync("#submit");
        await page.Locator("#players").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 90_000 });

        Assert.Equal(new[] { "mixture", "vocals", "accompaniment" }, await page.Locator(".track").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.track)"));
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.track img')].every(i => i.complete && i.naturalWidth > 0)");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.track audio')].every(a => a.readyState >= 1 && a.duration > 2.9)");
        Assert.Equal(900, await page.EvaluateAsync<int>("() => document.querySelector('.track img').naturalWidth"));
        Assert.Contains("done", await page.TextContentAsync("#job-stage") ?? "", StringComparison.Ordinal);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#jobs tbody tr').length === 1");
        await SaveScreenshotAsync(page, work);
        await page.ClickAsync("[data-track=vocals] button:text('Solo')");
        Assert.Equal(new[] { true, false, true }, await page.EvaluateAsync<bool[]>("() => [...document.querySelectorAll('.track audio')].map(a => a.muted)"));

        foreach (string track in new[] { "vocals", "accompaniment" })
        {
            IDownload download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync($"[data-track={track}] a"));
            Assert.Equal($"demo song_{track}.wav", download.SuggestedFilename);
            string saved = Path.Combine(work, $"{track}.wav");
            await download.SaveAsAsync(saved);
            Waveform stem = AudioFile.Read(saved);
            Assert.Equal((frames, 2), (stem.FrameCount, stem.ChannelCount));
        }
        Assert.Empty(consoleErrors);
        Directory.Delete(work, true);
    }

    private static async Task SaveScreenshotAsync(IPage page, string work)
    {
        await page.EvaluateAsync("() => document.activeElement && document.activeElement.blur()");
        byte[] png = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        Assert.True(png.Length > 10_000, "the screenshot is suspiciously small");
        File.WriteAllBytes(Path.Combine(AppContext.BaseDirectory, "serve.png"), png);
        if (Environment.GetEnvironmentVariable("DEMIX_UPDATE_SCREENSHOTS") == "1")
        {
            string target = Path.Combine(RepositoryPaths.Root, "docs", "images", "serve.png");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, png);
        }
    }
}
