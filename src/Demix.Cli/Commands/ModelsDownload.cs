using Demix.Separation.Models;
using Demix.Separation.Models.Catalog;
using Spectre.Console;

namespace Demix.Cli.Commands;

/// <summary><c>demix models download &lt;name&gt;</c> with a progress bar per file on a terminal.</summary>
internal static class ModelsDownload
{
    public static async Task<int> RunAsync(CliConsole console, ModelStore store, string name, string? baseUrl, CancellationToken cancellation)
    {
        CatalogEntry entry = ModelCatalog.Find(name)
            ?? throw new UsageException($"unknown model '{name}'; downloadable: {string.Join(", ", ModelCatalog.Entries.Select(e => e.Name))}.");
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(30) };
        var downloader = new ModelDownloader(store, http, baseUrl);
        DownloadResult result;
        try
        {
            result = console.CanShowProgress
                ? await WithProgressBars(console, downloader, entry, cancellation)
                : await downloader.DownloadAsync(entry, null, cancellation);
        }
        catch (ModelDownloadException e)
        {
            console.WriteError(e.Message);
            console.Error.WriteLine($"Models folder: {store.Folder}; nothing was installed.");
            return ExitCodes.Failure;
        }
        foreach (SourceFile source in result.Sources)
        {
            console.Out.WriteLine($"{source.Url}\n  sha256 {source.Sha256} ({source.HashSource})");
        }
        foreach (string file in result.RecordedHashes)
        {
            console.Out.WriteLine($"note: no hash is published for {file}; its SHA-256 was recorded now and later downloads must match it.");
        }
        console.Out.WriteLine($"Installed {entry.Name}: {result.InstalledPath}");
        return ExitCodes.Success;
    }

    private static async Task<DownloadResult> WithProgressBars(CliConsole console, ModelDownloader downloader, CatalogEntry entry, CancellationToken cancellation)
    {
        DownloadResult? result = null;
        await console.Ansi.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .StartAsync(async context =>
            {
                ProgressTask[] tasks = [.. entry.Files.Select(f => context.AddTask(Markup.Escape(f.FileName), autoStart: false))];
                var progress = new Progress<DownloadProgress>(p =>
                {
                    ProgressTask task = tasks[p.FileIndex];
                    if (!task.IsStarted) task.StartTask();
                    task.MaxValue = p.TotalBytes ?? Math.Max(task.MaxValue, p.BytesReceived + 1);
                    task.Value = p.BytesReceived;
                });
                result = await downloader.DownloadAsync(entry, progress, cancellation);
                foreach (ProgressTask task in tasks) task.Value = task.MaxValue;
            });
        return result!;
    }
}
