using System.CommandLine;
using Demix.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Demix.Cli.Commands;

/// <summary><c>demix serve</c>: the listening page and job API on Kestrel (127.0.0.1 unless <c>--urls</c> says otherwise).</summary>
public static class ServeCommand
{
    /// <summary>Builds the command; its action writes to <paramref name="console"/>.</summary>
    public static Command Create(CliConsole console)
    {
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on, ';'-separated (e.g. http://0.0.0.0:8080 to serve the network).", DefaultValueFactory = _ => new ServeOptions().Urls };
        var library = new Option<string?>("--library") { Description = "A folder of songs the page may pick from (by id; nothing outside it is served)." };
        var maxUpload = new Option<int>("--max-upload-mb") { Description = "Largest accepted upload in MB.", DefaultValueFactory = _ => 200 };
        var workers = new Option<int>("--workers") { Description = "Songs separated at the same time.", DefaultValueFactory = _ => 1 };
        var lifetime = new Option<double>("--keep-minutes") { Description = "Finished jobs and their files are deleted after this many minutes.", DefaultValueFactory = _ => 120 };
        var models = new Option<string?>("--models") { Description = "Model cache whose models the page offers (default: $DEMIX_MODELS or ~/.cache/demix/models)." };
        var command = new Command("serve", "Serve the listening page: upload or pick a song, separate it, play the stems in sync, download them.")
        { urls, library, models, maxUpload, workers, lifetime };
        command.SetAction((parse, cancellation) => RunAsync(console, new ServeOptions
        {
            Urls = parse.GetValue(urls)!,
            LibraryFolder = parse.GetValue(library),
            ModelFolder = parse.GetValue(models),
            MaxUploadBytes = parse.GetValue(maxUpload) * 1024L * 1024L,
            Workers = parse.GetValue(workers),
            JobLifetime = TimeSpan.FromMinutes(parse.GetValue(lifetime)),
        }, cancellation));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, ServeOptions options, CancellationToken cancellation)
    {
        WebApplication app;
        try
        {
            app = DemixWebApp.Build(options, LogLevel.Information);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
        await using (app)
        {
            await app.StartAsync(cancellation);
            foreach (string address in DemixWebApp.Addresses(app)) console.Out.WriteLine($"Demix is listening on {address} (Ctrl+C stops it).");
            await app.WaitForShutdownAsync(cancellation);
        }
        return ExitCodes.Success;
    }
}
