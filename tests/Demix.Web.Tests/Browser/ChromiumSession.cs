using Microsoft.Playwright;

namespace Demix.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>) driven by Playwright: headless, a new empty profile, and
/// the flags that stop it from reaching for the network (which is closed here). Playwright's own browser
/// download is never used. When Chromium is missing the test fails and says how to install it.
/// </summary>
internal sealed class ChromiumSession : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--autoplay-policy=no-user-gesture-required",
    ];

    private readonly IPlaywright playwright;
    private readonly string profile;

    private ChromiumSession(IPlaywright playwright, IBrowserContext context, string profile)
    {
        this.playwright = playwright;
        Context = context;
        this.profile = profile;
    }

    public IBrowserContext Context { get; }

    public static async Task<ChromiumSession> StartAsync(string downloads)
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail($"The browser test needs Chromium at {ExecutablePath}: install it with 'apt-get install -y chromium' (.ci/run does this).");
        }
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        IPlaywright playwright = await Playwright.CreateAsync();
        string profile = TestSongs.TemporaryFolder();
        try
        {
            IBrowserContext context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ExecutablePath, Headless = true, Args = Flags, AcceptDownloads = true, DownloadsPath = downloads,
                ViewportSize = new ViewportSize { Width = 1100, Height = 900 }, Timeout = 60_000,
            });
            return new ChromiumSession(playwright, context, profile);
        }
        catch
        {
            playwright.Dispose();
            Directory.Delete(profile, true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        playwright.Dispose();
        try
        {
            Directory.Delete(profile, true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile as it exits; the folder is in /tmp.
        }
    }
}
