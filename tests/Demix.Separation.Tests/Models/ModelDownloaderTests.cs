using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using Demix.Separation.Models;
using Demix.Separation.Models.Catalog;
using Demix.Separation.Models.OpenUnmix;
using Demix.Separation.Tests.Support;

namespace Demix.Separation.Tests.Models;

/// <summary>Downloads against a local HTTP server on 127.0.0.1 (the base URL override); no test touches the network.</summary>
public sealed class ModelDownloaderTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private static CatalogEntry FixtureEntry(string? prefix) => new("tiny-umx", "fixture Open-Unmix", CatalogKind.OpenUnmixPth,
        [new CatalogFile("vocals-46320d5e.pth", "https://invalid.example/vocals-46320d5e.pth", Sha256Prefix: prefix, Target: "vocals")],
        "MIT", "random weights", OpenUnmixFixture.HyperParameters() with { Residual = true });

    [Fact]
    public async Task Download_OpenUnmixPth_VerifiesHashPrefix_ConvertsToOurFormat_AndReportsProgress()
    {
        using var folder = new TempFolder();
        byte[] pth = File.ReadAllBytes(OpenUnmixFixture.PthPath);
        using var server = new LocalHttpServer(new Dictionary<string, byte[]> { ["vocals-46320d5e.pth"] = pth });
        var store = new ModelStore(folder.Path);
        var reports = new List<DownloadProgress>();

        DownloadResult result = await new ModelDownloader(store, Http, server.BaseUrl)
            .DownloadAsync(FixtureEntry("46320d5e"), new SynchronousProgress<DownloadProgress>(reports.Add));

        Assert.Equal(["/models/vocals-46320d5e.pth"], server.Requests);
        Assert.Equal(folder.File("tiny-umx.json"), result.InstalledPath);
        Assert.Empty(result.RecordedHashes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pth)), result.Sources[0].Sha256);
        Assert.Equal(pth.Length, reports[^1].BytesReceived);
        Assert.Equal(pth.Length, reports[^1].TotalBytes);
        Assert.Equal(["tiny-umx.json", "tiny-umx.safetensors"], folder.Files().Where(f => !f.StartsWith("downloads", StringComparison.Ordinal)));
        Assert.Empty(Directory.GetFiles(folder.File("downloads")));   // .pth converted and removed, no temporaries
        ISeparationModel model = store.Load("tiny-umx");
        Assert.Equal(result.Sources, model.Card.Sources);
        Assert.Equal(OpenUnmixFamily.Name, model.Card.Family);
    }

    [Fact]
    public async Task Download_RealUmxhqEntry_WithWrongContent_FailsOnTheHash_AndInstallsNothing()
    {
        using var folder = new TempFolder();
        var files = ModelCatalog.Find("umxhq")!.Files.ToDictionary(f => f.FileName, _ => new byte[] { 1, 2, 3 });
        using var server = new LocalHttpServer(files);

        var error = await Assert.ThrowsAsync<ModelDownloadException>(() =>
            new ModelDownloader(new ModelStore(folder.Path), Http, server.BaseUrl).DownloadAsync(ModelCatalog.Find("umxhq")!));

        Assert.Contains("vocals-b62c91ce.pth", error.Message);
        Assert.Contains("does not match the expected b62c91ce", error.Message);
        Assert.Empty(folder.Files());
    }

    [Fact]
    public async Task Download_WithoutPublishedHash_RecordsItAtFirstDownload_AndRejectsAChangedFile()
    {
        using var folder = new TempFolder();
        byte[] pth = File.ReadAllBytes(OpenUnmixFixture.PthPath);
        var served = new Dictionary<string, byte[]> { ["vocals-46320d5e.pth"] = pth };
        using var server = new LocalHttpServer(served);
        var downloader = new ModelDownloader(new ModelStore(folder.Path), Http, server.BaseUrl);

        DownloadResult first = await downloader.DownloadAsync(FixtureEntry(prefix: null));
        served["vocals-46320d5e.pth"] = [.. pth.Take(pth.Length - 1)];
        var error = await Assert.ThrowsAsync<ModelDownloadException>(() => downloader.DownloadAsync(FixtureEntry(prefix: null)));

        Assert.Equal(["vocals-46320d5e.pth"], first.RecordedHashes);
        Assert.Equal("recorded at first download", first.Sources[0].HashSource);
        Assert.Contains("recorded at first download", error.Message);
    }

    [Fact]
    public async Task Download_Offline_SaysTheServerCannotBeReached()
    {
        using var folder = new TempFolder();
        string closed = $"http://127.0.0.1:{LocalHttpServer.FreePort()}/models";

        var error = await Assert.ThrowsAsync<ModelDownloadException>(() =>
            new ModelDownloader(new ModelStore(folder.Path), Http, closed).DownloadAsync(ModelCatalog.Find("umxl")!));

        Assert.Contains("cannot reach 127.0.0.1", error.Message);
        Assert.Contains("demix models download", error.Message);
        Assert.Empty(folder.Files());
    }

    [Fact]
    public async Task Download_MissingFile_ReportsTheHttpStatus()
    {
        using var folder = new TempFolder();
        using var server = new LocalHttpServer(new Dictionary<string, byte[]>());

        var error = await Assert.ThrowsAsync<ModelDownloadException>(() =>
            new ModelDownloader(new ModelStore(folder.Path), Http, server.BaseUrl).DownloadAsync(ModelCatalog.Find("spleeter-2stems")!));

        Assert.Contains("2stems.tar.gz", error.Message);
        Assert.Contains("404", error.Message);
    }

    [Fact]
    public async Task Download_CheckpointArchive_IsVerifiedAndUnpacked()
    {
        using var folder = new TempFolder();
        byte[] archive = TarGz(("checkpoint", "model_checkpoint_path: \"model\"\n"), ("model.index", "index bytes"));
        var entry = new CatalogEntry("ckpt", "test", CatalogKind.TfCheckpointArchive,
            [new CatalogFile("2stems.tar.gz", "https://invalid.example/2stems.tar.gz", Sha256: Convert.ToHexStringLower(SHA256.HashData(archive)))], "MIT", "none");
        using var server = new LocalHttpServer(new Dictionary<string, byte[]> { ["2stems.tar.gz"] = archive });

        DownloadResult result = await new ModelDownloader(new ModelStore(folder.Path), Http, server.BaseUrl).DownloadAsync(entry);

        Assert.Equal(folder.File("ckpt"), result.InstalledPath);
        Assert.Equal("index bytes", File.ReadAllText(folder.File("ckpt/model.index")));
        Assert.Equal(["ckpt/checkpoint", "ckpt/model.index"], folder.Files().Where(f => !f.StartsWith("downloads", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Download_SpleeterArchive_ThatIsNoCheckpoint_KeepsTheUnpackedFolder_AndSaysItDoesNotConvert()
    {
        using var folder = new TempFolder();
        byte[] archive = TarGz(("checkpoint", "x"), ("model.index", "not an sstable"));
        var entry = new CatalogEntry("sp", "test", CatalogKind.TfCheckpointArchive,
            [new CatalogFile("2stems.tar.gz", "https://invalid.example/2stems.tar.gz", Sha256: Convert.ToHexStringLower(SHA256.HashData(archive)))],
            "MIT", "none", SpleeterInstruments: ["vocals", "accompaniment"]);
        using var server = new LocalHttpServer(new Dictionary<string, byte[]> { ["2stems.tar.gz"] = archive });

        var error = await Assert.ThrowsAsync<ModelDownloadException>(() =>
            new ModelDownloader(new ModelStore(folder.Path), Http, server.BaseUrl).DownloadAsync(entry));

        Assert.Contains("does not convert to a Spleeter model", error.Message);
        Assert.Contains("model.index", error.Message);
        Assert.Equal(["sp/checkpoint", "sp/model.index"], folder.Files().Where(f => !f.StartsWith("downloads", StringComparison.Ordinal)));
    }

    [Fact]
    public void Catalog_UsesTheAuthorsUrls()
    {
        Assert.Equal("https://zenodo.org/records/3370489/files/vocals-b62c91ce.pth", ModelCatalog.Find("umxhq")!.Files[0].Url);
        Assert.Equal(1024, ModelCatalog.Find("UMXL")!.OpenUnmix!.HiddenSize);
        Assert.Equal("https://github.com/deezer/spleeter/releases/download/v1.4.0/2stems.tar.gz", ModelCatalog.Find("spleeter-2stems")!.Files[0].Url);
        Assert.Equal(["vocals", "accompaniment"], ModelCatalog.Find("spleeter-2stems")!.SpleeterInstruments);
        Assert.All(ModelCatalog.Entries.SelectMany(e => e.Files), f => Assert.NotEqual("recorded at first download", f.HashSource));
    }

    private static byte[] TarGz(params (string Name, string Text)[] entries)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip))
        {
            foreach (var (name, text) in entries)
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)) });
            }
        }
        return memory.ToArray();
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
