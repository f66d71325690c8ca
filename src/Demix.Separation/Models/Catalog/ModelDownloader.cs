using System.Formats.Tar;
using System.IO.Compression;
using Demix.Engine.Io;
using Demix.Engine.Io.TfCheckpoint;
using Demix.Separation.Models.OpenUnmix;
using Demix.Separation.Models.Spleeter;

namespace Demix.Separation.Models.Catalog;

/// <summary>
/// <c>demix models download</c>: fetches a <see cref="CatalogEntry"/>'s files into <c>&lt;store&gt;/downloads</c>, checks each
/// SHA-256 (the published hash or prefix; when none is published, the hash recorded at the first download in
/// <c>&lt;file&gt;.sha256</c>), then installs: Open-Unmix state dicts become <c>&lt;name&gt;.safetensors</c> + <c>&lt;name&gt;.json</c>,
/// a checkpoint archive is unpacked to <c>&lt;store&gt;/&lt;name&gt;/</c>. Every step writes a temporary file or folder and
/// renames it, so a failed download leaves nothing half-written.
/// </summary>
public sealed class ModelDownloader
{
    /// <summary>Environment variable replacing the authors' servers (each file is fetched from <c>&lt;base&gt;/&lt;file name&gt;</c>), for mirrors and tests.</summary>
    public const string BaseUrlVariable = "DEMIX_MODELS_BASE_URL";

    private readonly ModelStore store;
    private readonly FileDownloader files;
    private readonly string? baseUrl;

    /// <summary>Creates the downloader.</summary>
    /// <param name="baseUrl">When set, files come from <c>&lt;baseUrl&gt;/&lt;file name&gt;</c> instead of the official URLs.</param>
    public ModelDownloader(ModelStore store, HttpClient http, string? baseUrl = null)
    {
        this.store = store ?? throw new ArgumentNullException(nameof(store));
        files = new FileDownloader(http ?? throw new ArgumentNullException(nameof(http)));
        this.baseUrl = string.IsNullOrWhiteSpace(baseUrl) ? null : baseUrl.TrimEnd('/');
    }

    /// <summary>The folder downloads go to before they are installed.</summary>
    public string DownloadFolder => Path.Combine(store.Folder, "downloads");

    /// <summary>Downloads, verifies and installs <paramref name="entry"/>.</summary>
    /// <exception cref="ModelDownloadException">Offline, HTTP error or hash mismatch; nothing was installed.</exception>
    public async Task<DownloadResult> DownloadAsync(CatalogEntry entry, IProgress<DownloadProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Directory.CreateDirectory(DownloadFolder);
        var sources = new List<SourceFile>();
        var recorded = new List<string>();
        for (int i = 0; i < entry.Files.Count; i++)
        {
            CatalogFile file = entry.Files[i];
            string url = baseUrl is null ? file.Url : $"{baseUrl}/{file.FileName}";
            int index = i;
            string hash = await files.DownloadAsync(url, LocalPath(file), h => Verify(file, url, h, recorded), (received, total) =>
                progress?.Report(new DownloadProgress(file.FileName, index, entry.Files.Count, received, total)), cancellation);
            sources.Add(new SourceFile(url, hash, file.HashSource));
        }
        string installed = entry.Kind switch
        {
            CatalogKind.OpenUnmixPth => InstallOpenUnmix(entry, sources),
            CatalogKind.TfCheckpointArchive => InstallArchive(entry, sources),
            _ => throw new NotSupportedException($"Unknown catalog kind {entry.Kind}."),
        };
        return new DownloadResult(entry.Name, installed, sources, recorded);
    }

    private string LocalPath(CatalogFile file) => Path.Combine(DownloadFolder, file.FileName);

    private void Verify(CatalogFile file, string url, string hash, List<string> recorded)
    {
        string? expected = file.Sha256 ?? file.Sha256Prefix;
        string hashFile = LocalPath(file) + ".sha256";
        if (expected is null && File.Exists(hashFile)) expected = File.ReadAllText(hashFile).Trim();
        if (expected is null)
        {
            AtomicFile.WriteAllText(hashFile, hash + "\n");   // no published hash: trust on first use, check later downloads
            recorded.Add(file.FileName);
            return;
        }
        if (!hash.StartsWith(expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelDownloadException($"{url}: SHA-256 {hash} does not match the expected {expected} ({file.HashSource}); the file was discarded.");
        }
    }

    private string InstallOpenUnmix(CatalogEntry entry, List<SourceFile> sources)
    {
        var hyperParameters = entry.OpenUnmix ?? throw new InvalidOperationException($"Catalog entry '{entry.Name}' has no Open-Unmix settings.");
        var targets = entry.Files.Select(f => (f.Target ?? throw new InvalidOperationException($"{f.FileName} has no target."), LocalPath(f))).ToList();
        OpenUnmixModel model;
        try
        {
            model = OpenUnmixFamily.FromPth(entry.Name, targets, hyperParameters, card => card with
            {
                Description = entry.Description, Licence = entry.Licence, Training = new TrainingInfo(entry.TrainingData), Sources = sources,
            });
        }
        catch (Exception e) when (e is ArgumentException or IOException)
        {
            throw new ModelDownloadException($"{entry.Name}: the downloaded weights do not load as Open-Unmix: {e.Message}", e);
        }
        string card = ModelFile.Save(model, store.Folder);
        foreach (var (_, path) in targets) File.Delete(path);   // converted; the card keeps their URLs and hashes
        return card;
    }

    private string InstallArchive(CatalogEntry entry, List<SourceFile> sources)
    {
        string folder = Unpack(entry);
        if (entry.SpleeterInstruments is not IReadOnlyList<string> instruments) return folder;
        ISeparationModel model;
        try
        {
            // TF V2 checkpoint prefix "model": model.index + model.data-00000-of-00001 (as in Spleeter's release archives).
            NamedTensorSet checkpoint = TfCheckpointReader.Read(Path.Combine(folder, "model"));
            model = SpleeterFamily.FromCheckpoint(entry.Name, checkpoint, instruments);
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            throw new ModelDownloadException($"{entry.Name}: the checkpoint was unpacked to {folder} but does not convert to a Spleeter model: {e.Message}", e);
        }
        var card = model.Card with { Description = entry.Description, Licence = entry.Licence, Training = new TrainingInfo(entry.TrainingData), Sources = sources };
        return ModelFile.Save(new RecardedModel(model, card), store.Folder);
    }

    /// <summary>Unpacks the entry's .tar.gz to <c>&lt;store&gt;/&lt;name&gt;/</c> (temporary folder, then rename).</summary>
    private string Unpack(CatalogEntry entry)
    {
        string archive = LocalPath(entry.Files[0]);
        string destination = Path.Combine(store.Folder, entry.Name);
        string temporary = AtomicFile.TemporaryPath(destination);
        try
        {
            Directory.CreateDirectory(temporary);
            using (var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress))
            {
                TarFile.ExtractToDirectory(gzip, temporary, overwriteFiles: false);   // refuses entries outside the folder
            }
            if (Directory.Exists(destination)) Directory.Delete(destination, recursive: true);
            Directory.Move(temporary, destination);
        }
        catch (InvalidDataException e)
        {
            throw new ModelDownloadException($"{archive}: not a valid .tar.gz ({e.Message}).", e);
        }
        finally
        {
            if (Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
        }
        File.Delete(archive);
        return destination;
    }
}

/// <summary>What a download installed.</summary>
/// <param name="Name">The catalog name.</param>
/// <param name="InstalledPath">The model card, or the unpacked checkpoint folder.</param>
/// <param name="Sources">Each file's URL and SHA-256.</param>
/// <param name="RecordedHashes">Files without a published hash whose hash was recorded now (first download).</param>
public sealed record DownloadResult(string Name, string InstalledPath, IReadOnlyList<SourceFile> Sources, IReadOnlyList<string> RecordedHashes);
