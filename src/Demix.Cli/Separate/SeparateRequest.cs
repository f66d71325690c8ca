using Demix.Audio;
using Demix.Separation.Methods;
using Demix.Separation.Models;
using Demix.Separation.Pipeline;

namespace Demix.Cli.Separate;

/// <summary>Everything <c>demix separate</c> was asked to do, validated.</summary>
public sealed record SeparateRequest
{
    /// <summary>Files and folders as the user gave them.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>Output folder.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Method name (see <see cref="MethodRegistry"/>).</summary>
    public required string Method { get; init; }

    /// <summary>The model given with <c>--model</c> (then <see cref="Method"/> is <c>model-&lt;name&gt;</c>), or null.</summary>
    public ISeparationModel? Model { get; init; }

    /// <summary>The method to run: the model's chunked separator when <see cref="Model"/> is set, else the named method.</summary>
    public ISeparationMethod CreateMethod() =>
        Model is null ? MethodRegistry.Create(Method, MethodSettings) : ModelMethod.Create(Model, inference: Inference);

    /// <summary>Overrides of the model's Wiener and test-time-augmentation settings (none: the card's).</summary>
    public InferenceOptions Inference { get; init; } = InferenceOptions.None;

    /// <summary>Parameters of the classic methods.</summary>
    public MethodSettings MethodSettings { get; init; } = new();

    /// <summary>Stems to write, or null for all of the method's stems.</summary>
    public IReadOnlyList<string>? Stems { get; init; }

    /// <summary>Output container.</summary>
    public AudioFileFormat Format { get; init; } = AudioFileFormat.Wav;

    /// <summary>Sample format of WAV and FLAC outputs.</summary>
    public WavSampleFormat BitDepth { get; init; } = WavSampleFormat.Pcm16;

    /// <summary>Bit rate of lossy outputs in kbit/s, or null for the format's default.</summary>
    public int? BitRateKbps { get; init; }

    /// <summary>Output rate in Hz, or null to keep the input's.</summary>
    public int? SampleRate { get; init; }

    /// <summary>Output path pattern relative to the output folder, with {track}, {stem}, {ext}, {method}.</summary>
    public string NamePattern { get; init; } = OutputNaming.DefaultPattern;

    /// <summary>Replace existing outputs.</summary>
    public bool Force { get; init; }

    /// <summary>Files processed at the same time.</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>No progress bars and no summary table (errors are still printed).</summary>
    public bool Quiet { get; init; }

    /// <summary>Print a JSON report on standard output instead of the table.</summary>
    public bool Json { get; init; }

    /// <summary>Mix more than two channels down to stereo.</summary>
    public bool Downmix { get; init; }

    /// <summary>Also write an HTML report (spectrograms and players of the mixture and stems) next to the stems.</summary>
    public bool Report { get; init; }
}
