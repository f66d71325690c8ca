using Demix.Separation.Models.OpenUnmix;

namespace Demix.Separation.Models.Catalog;

/// <summary>What a downloaded entry becomes.</summary>
public enum CatalogKind
{
    /// <summary>Official Open-Unmix state dicts (one .pth per target), converted to a Demix model (card + safetensors).</summary>
    OpenUnmixPth,

    /// <summary>A TensorFlow V2 checkpoint in a .tar.gz (Spleeter), unpacked to <c>&lt;cache&gt;/&lt;name&gt;/</c>.</summary>
    TfCheckpointArchive,
}

/// <summary>One file of a catalog entry.</summary>
/// <param name="FileName">Name on the server and in the download folder, e.g. <c>vocals-b62c91ce.pth</c>.</param>
/// <param name="Url">The authors' official URL.</param>
/// <param name="Sha256">The full published SHA-256 (lower-case hex), when one is published.</param>
/// <param name="Sha256Prefix">A published hash prefix (torch.hub names files <c>&lt;stem&gt;-&lt;first sha256 hex digits&gt;.pth</c>).</param>
/// <param name="Target">The stem the file's network predicts (Open-Unmix), or null.</param>
public sealed record CatalogFile(string FileName, string Url, string? Sha256 = null, string? Sha256Prefix = null, string? Target = null)
{
    /// <summary>Where the expected hash comes from, for the card and the messages.</summary>
    public string HashSource => Sha256 is not null ? "published (full SHA-256)"
        : Sha256Prefix is not null ? "published (hash prefix in the file name)" : "recorded at first download";
}

/// <summary>A model Demix knows how to download from its authors.</summary>
/// <param name="Name">The name after <c>demix models download</c>, also the cached model's name.</param>
/// <param name="Description">One line for <c>demix models list</c>.</param>
/// <param name="Kind">How the files become a model.</param>
/// <param name="Files">The files, with their official URLs and hashes.</param>
/// <param name="Licence">Licence of the weights as the authors state it.</param>
/// <param name="TrainingData">What the authors trained on.</param>
/// <param name="OpenUnmix">Hyper-parameters for <see cref="CatalogKind.OpenUnmixPth"/>.</param>
/// <param name="SpleeterInstruments">For a Spleeter checkpoint archive: its instruments in checkpoint order; the unpacked
/// checkpoint is then also converted to a Demix model (card + safetensors). Null: unpack only.</param>
public sealed record CatalogEntry(string Name, string Description, CatalogKind Kind, IReadOnlyList<CatalogFile> Files,
    string Licence, string TrainingData, OpenUnmixHyperParameters? OpenUnmix = null, IReadOnlyList<string>? SpleeterInstruments = null);
