using Demix.Separation.Models;
using Demix.Separation.Models.Catalog;
using Spectre.Console;

namespace Demix.Cli.Commands;

/// <summary><c>demix models list</c>: the shipped default model, catalog entries (downloaded or not) and every other cached model.</summary>
internal static class ModelsList
{
    public static int Run(CliConsole console, ModelStore store)
    {
        var table = new Table().AddColumns(new TableColumn("name").NoWrap(), new TableColumn("status").NoWrap(), new TableColumn("model"));
        var listed = new HashSet<string>(StringComparer.Ordinal) { DefaultModelRow.Name };
        table.AddRow(DefaultModelRow.Cells());
        foreach (CatalogEntry entry in ModelCatalog.Entries)
        {
            listed.Add(entry.Name);
            ModelCard? card = TryReadCard(store.FindCached(entry.Name));
            string status = card is not null ? "downloaded"
                : entry.Kind == CatalogKind.TfCheckpointArchive && Directory.Exists(Path.Combine(store.Folder, entry.Name)) ? "downloaded (checkpoint)"
                : "not downloaded";
            table.AddRow(Cells(entry.Name, status, card, entry.Description));
        }
        foreach (string cardPath in store.CachedCards())
        {
            ModelCard? card = TryReadCard(cardPath);
            string name = Path.GetFileNameWithoutExtension(cardPath);
            if (listed.Contains(name)) continue;
            table.AddRow(Cells(name, card is null ? "unreadable card" : "cached", card, card?.Description ?? ""));
        }
        console.Ansi.Write(table);
        console.Out.WriteLine($"Models folder: {store.Folder} (set ${ModelStore.FolderVariable} to move it).");
        return ExitCodes.Success;
    }

    /// <summary>Name, status, and the description followed by the card's family, targets and rate when there is a card.</summary>
    private static string[] Cells(string name, string status, ModelCard? card, string description)
    {
        string details = card is null ? description
            : $"{description}\nfamily {card.Family}; targets {string.Join(", ", card.Targets)}; {card.SampleRate} Hz; weights licence: {card.Licence}";
        return [Markup.Escape(name), status, Markup.Escape(details)];
    }

    private static ModelCard? TryReadCard(string? path)
    {
        if (path is null) return null;
        try
        {
            return ModelCardJson.Read(path);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
