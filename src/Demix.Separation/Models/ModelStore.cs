using Demix.Separation.Models.Catalog;
using Demix.Separation.Models.OpenUnmix;

namespace Demix.Separation.Models;

/// <summary>
/// The model cache folder (<c>$DEMIX_MODELS</c>, else <c>~/.cache/demix/models</c>) and how a name or a path
/// given by the user becomes a model card: an existing file or folder wins; otherwise <c>&lt;cache&gt;/&lt;name&gt;.json</c>.
/// </summary>
public sealed class ModelStore
{
    /// <summary>Environment variable that moves the cache folder.</summary>
    public const string FolderVariable = "DEMIX_MODELS";

    /// <summary>Creates a store over <paramref name="folder"/> (created on first download).</summary>
    public ModelStore(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Folder = Path.GetFullPath(folder);
    }

    /// <summary>The store at <c>$DEMIX_MODELS</c> or <c>~/.cache/demix/models</c>.</summary>
    public static ModelStore Default()
    {
        string? configured = Environment.GetEnvironmentVariable(FolderVariable);
        if (!string.IsNullOrWhiteSpace(configured)) return new ModelStore(configured);
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return new ModelStore(Path.Combine(home, ".cache", "demix", "models"));
    }

    /// <summary>The cache folder.</summary>
    public string Folder { get; }

    /// <summary>Where the name <c>default</c> finds the shipped model (default: <see cref="DefaultModel.Folder"/>).</summary>
    public string DefaultModelFolder { get; init; } = DefaultModel.Folder;

    /// <summary>Card paths of every model in the cache, sorted by name.</summary>
    public IReadOnlyList<string> CachedCards() =>
        !Directory.Exists(Folder) ? []
            : [.. Directory.GetFiles(Folder, "*" + ModelFile.CardExtension)
                .Where(c => File.Exists(Path.ChangeExtension(c, ModelFile.WeightsExtension))).Order(StringComparer.Ordinal)];

    /// <summary>The card path of a cached model called <paramref name="name"/>, or null.</summary>
    public string? FindCached(string name)
    {
        string card = Path.Combine(Folder, name + ModelFile.CardExtension);
        return File.Exists(card) && File.Exists(Path.ChangeExtension(card, ModelFile.WeightsExtension)) ? card : null;
    }

    /// <summary>
    /// The card that <paramref name="nameOrPath"/> designates: a path to a card, weights or folder, a cached name, or
    /// <c>default</c> for the shipped model (when no file, folder or cached model has that name).
    /// </summary>
    /// <exception cref="ModelFileException">Nothing matches; the message says how to get the model.</exception>
    public string ResolveCard(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(nameOrPath);
        if (File.Exists(nameOrPath) || Directory.Exists(nameOrPath)) return ModelFile.CardPath(nameOrPath);
        if (FindCached(nameOrPath) is string cached) return cached;
        if (nameOrPath == DefaultModel.FileStem && DefaultModel.IsPresent(DefaultModelFolder)) return DefaultModel.CardPath(DefaultModelFolder);
        string hint = ModelCatalog.Find(nameOrPath) is not null
            ? $"it is not downloaded yet: run 'demix models download {nameOrPath}'."
            : $"no such file, and no model of that name in {Folder} (see 'demix models list').";
        throw new ModelFileException(nameOrPath, hint);
    }

    /// <summary>
    /// Loads the model <paramref name="nameOrPath"/> designates; a folder in the official open-unmix layout
    /// (separator.json, &lt;target&gt;.json, &lt;target&gt;*.pth) without a Demix card loads directly too.
    /// </summary>
    public ISeparationModel Load(string nameOrPath)
    {
        bool hasCard = Directory.Exists(nameOrPath) && Directory.GetFiles(nameOrPath, "*" + ModelFile.WeightsExtension).Length > 0;
        if (!hasCard && OpenUnmixFolder.IsOfficialFolder(nameOrPath)) return OpenUnmixFolder.Load(nameOrPath);
        return ModelFile.Load(ResolveCard(nameOrPath));
    }
}
