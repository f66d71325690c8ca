using System.Text.Json;
using Demix.Dsp.Stft;

namespace Demix.Separation.Models;

/// <summary>
/// The JSON card saved beside a model's weights (<c>&lt;name&gt;.json</c> next to <c>&lt;name&gt;.safetensors</c>):
/// everything needed to rebuild and run the model without flags, plus where it came from and how well it does.
/// </summary>
/// <remarks>
/// The family-specific hyper-parameters stay a raw JSON object (<see cref="HyperParameters"/>) that the family
/// reads with its own typed, source-generated record, so a new family never has to change this type.
/// </remarks>
public sealed record ModelCard
{
    /// <summary>The card layout version this code writes.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Layout version of the card (1).</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The model's name, also the file stem, e.g. <c>umxhq</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The family key in <see cref="ModelFamilies"/>, e.g. <c>open-unmix</c>.</summary>
    public required string Family { get; init; }

    /// <summary>One line for <c>demix models list</c>.</summary>
    public string Description { get; init; } = "";

    /// <summary>Rate in Hz the model works at; the pipeline resamples to it.</summary>
    public required int SampleRate { get; init; }

    /// <summary>The STFT the model was trained with.</summary>
    public required StftSettings Stft { get; init; }

    /// <summary>Stem names the network predicts, in weight order (e.g. <c>["vocals"]</c>).</summary>
    public required IReadOnlyList<string> Targets { get; init; }

    /// <summary>The family's hyper-parameters as a JSON object (read by the family, see its README section).</summary>
    public JsonElement HyperParameters { get; init; }

    /// <summary>What the weights were trained on.</summary>
    public TrainingInfo Training { get; init; } = new();

    /// <summary>Reported scores, name to value; each name says its metric, e.g. <c>museval-v4 SDR vocals (dB)</c>.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Licence of the weights (not of Demix), e.g. <c>MIT</c>.</summary>
    public string Licence { get; init; } = "unknown";

    /// <summary>Where the weights came from (URLs and their SHA-256), when downloaded or converted.</summary>
    public IReadOnlyList<SourceFile> Sources { get; init; } = [];

    /// <summary>Version of Demix that wrote the card.</summary>
    public string DemixVersion { get; init; } = ModelCardJson.DemixVersion;
}

/// <summary>STFT parameters of a model card.</summary>
/// <param name="FftSize">FFT length (and window length) in samples.</param>
/// <param name="HopSize">Hop between frames in samples.</param>
/// <param name="Window">Window shape.</param>
/// <param name="Center">Frames centred on t * hop with reflect padding (torch.stft center=True).</param>
public sealed record StftSettings(int FftSize, int HopSize, WindowKind Window = WindowKind.HannPeriodic, bool Center = true)
{
    /// <summary>The Demix.Dsp configuration these settings describe (torch convention: reflect padding, unscaled).</summary>
    public StftConfig ToConfig() => new(FftSize, HopSize, Window, Center, PadMode.Reflect, padEnd: false, SpectrumScaling.None);
}

/// <summary>What a model was trained on.</summary>
/// <param name="Data">Data set(s), e.g. <c>MUSDB18-HQ train (86 tracks) + valid (14)</c>.</param>
/// <param name="Notes">Free text: schedule, seed, reference.</param>
public sealed record TrainingInfo(string Data = "unknown", string Notes = "");

/// <summary>One file the weights were made from.</summary>
/// <param name="Url">Where it was downloaded (or the local path it was converted from).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file as received.</param>
/// <param name="HashSource">Where the expected hash came from: <c>published</c> or <c>recorded at first download</c>.</param>
public sealed record SourceFile(string Url, string Sha256, string HashSource);
