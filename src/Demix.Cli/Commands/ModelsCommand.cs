using System.CommandLine;
using Demix.Separation.Models;
using Demix.Separation.Models.Catalog;

namespace Demix.Cli.Commands;

/// <summary>
/// <c>demix models list|download|info</c>: the model cache (<c>$DEMIX_MODELS</c> or <c>~/.cache/demix/models</c>)
/// and the authors' downloadable models. <c>download</c> is the only command of Demix that uses the network.
/// </summary>
public static class ModelsCommand
{
    /// <summary>Builds the command group; its actions write to <paramref name="console"/>.</summary>
    public static Command Create(CliConsole console)
    {
        var command = new Command("models", "List, download and describe separation models (cache: $DEMIX_MODELS or ~/.cache/demix/models).");
        command.Subcommands.Add(CreateList(console));
        command.Subcommands.Add(CreateDownload(console));
        command.Subcommands.Add(CreateInfo(console));
        return command;
    }

    private static Command CreateList(CliConsole console)
    {
        var command = new Command("list", "Show the downloadable models and the models in the cache, with their cards.");
        command.SetAction(_ => ModelsList.Run(console, ModelStore.Default()));
        return command;
    }

    private static Command CreateDownload(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = $"One of: {string.Join(", ", ModelCatalog.Entries.Select(e => e.Name))}." };
        var baseUrl = new Option<string?>("--base-url")
        {
            Description = $"Fetch every file from <url>/<file name> instead of the authors' servers (a mirror; also ${ModelDownloader.BaseUrlVariable}).",
        };
        var command = new Command("download", "Download a model from its authors, verify its SHA-256 and install it in the cache.") { name, baseUrl };
        command.SetAction((parse, cancellation) => ModelsDownload.RunAsync(console, ModelStore.Default(), parse.GetValue(name)!,
            parse.GetValue(baseUrl) ?? Environment.GetEnvironmentVariable(ModelDownloader.BaseUrlVariable), cancellation));
        return command;
    }

    private static Command CreateInfo(CliConsole console)
    {
        var model = new Argument<string>("model") { Description = "A cached model's name, or a model card / .safetensors / folder path." };
        var json = new Option<bool>("--json") { Description = "Print the model card as JSON." };
        var command = new Command("info", "Show a model's card: family, targets, rate, STFT, hyper-parameters, licence, sources.") { model, json };
        command.SetAction(parse => ModelsInfo.Run(console, ModelStore.Default(), parse.GetValue(model)!, parse.GetValue(json)));
        return command;
    }
}
