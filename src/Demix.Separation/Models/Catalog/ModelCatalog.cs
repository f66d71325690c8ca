using Demix.Separation.Models.OpenUnmix;

namespace Demix.Separation.Models.Catalog;

/// <summary>
/// The built-in list of downloadable models with the authors' official URLs: Open-Unmix UMX-HQ and UMX-L
/// (sigsep/open-unmix-pytorch <c>openunmix/__init__.py</c>: Zenodo records 3370489 and 5069601, torch.hub file
/// names carrying the SHA-256 prefix) and Spleeter 2stems (deezer/spleeter release v1.4.0, SHA-256 from that
/// release's <c>checksum.json</c>).
/// </summary>
public static class ModelCatalog
{
    private const string UmxhqRecord = "https://zenodo.org/records/3370489/files/";
    private const string UmxlRecord = "https://zenodo.org/records/5069601/files/";

    /// <summary>Every entry, in display order.</summary>
    public static IReadOnlyList<CatalogEntry> Entries { get; } =
    [
        OpenUnmixEntry("umxhq", "Open-Unmix UMX-HQ: vocals, drums, bass, other (hidden 512), trained on MUSDB18-HQ",
            UmxhqRecord, 512, "MUSDB18-HQ (train split)",
            [("vocals", "b62c91ce"), ("drums", "9619578f"), ("bass", "8d85a5bd"), ("other", "b52fbbf7")]),
        OpenUnmixEntry("umxl", "Open-Unmix UMX-L: vocals, drums, bass, other (hidden 1024), trained on extra data",
            UmxlRecord, 1024, "MUSDB18-HQ plus private data (see the open-unmix README)",
            [("vocals", "bccbd9aa"), ("drums", "69e0ebd4"), ("bass", "2ca1ce51"), ("other", "c8c5b3e6")]),
        new("spleeter-2stems", "Spleeter 2stems (vocals, accompaniment): the TensorFlow checkpoint, converted to the Spleeter family",
            CatalogKind.TfCheckpointArchive,
            [new("2stems.tar.gz", "https://github.com/deezer/spleeter/releases/download/v1.4.0/2stems.tar.gz",
                Sha256: "f3a90b39dd2874269e8b05a48a86745df897b848c61f3958efc80a39152bd692")],
            "MIT (deezer/spleeter repository and release)", "Deezer internal data set (Hennequin et al. 2020)",
            SpleeterInstruments: [StemNames.Vocals, StemNames.Accompaniment]),
    ];

    /// <summary>The entry called <paramref name="name"/> (case-insensitive), or null.</summary>
    public static CatalogEntry? Find(string name) =>
        Entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    private static CatalogEntry OpenUnmixEntry(string name, string description, string record, int hiddenSize, string data,
        (string Target, string HashPrefix)[] targets) =>
        new(name, description, CatalogKind.OpenUnmixPth,
            [.. targets.Select(t => new CatalogFile($"{t.Target}-{t.HashPrefix}.pth", $"{record}{t.Target}-{t.HashPrefix}.pth",
                Sha256Prefix: t.HashPrefix, Target: t.Target))],
            $"see the Zenodo record {record.TrimEnd('/').Replace("/files", "", StringComparison.Ordinal)} (open-unmix-pytorch code: MIT)", data,
            new OpenUnmixHyperParameters
            {
                HiddenSize = hiddenSize,
                MaxBin = OpenUnmixHyperParameters.MaxBinFor(44100, 4096, 16000),
                Residual = false,
            });
}
