using System.Text.Json.Serialization;

namespace Demix.Separation.Models.Drnn;

/// <summary>
/// Hyper-parameters of the S2 deep recurrent separator (Huang et al. 2014, "Deep learning for monaural speech
/// separation", ICASSP; Huang et al. 2015, "Joint optimization of masks and deep recurrent neural networks for
/// monaural source separation", IEEE/ACM TASLP). Published for MIR-1K: 16 kHz, STFT 1024/512, three stacked
/// recurrent layers (GRU 256 in the S2 project), discriminative weight gamma 0.05. Default here: two layers of 128.
/// </summary>
public sealed record DrnnHyperParameters
{
    /// <summary>Rate the model works at in Hz.</summary>
    public int SampleRate { get; init; } = 16000;

    /// <summary>STFT size in samples.</summary>
    public int FftSize { get; init; } = 1024;

    /// <summary>STFT hop in samples.</summary>
    public int HopSize { get; init; } = 512;

    /// <summary>Hidden units per GRU layer.</summary>
    public int HiddenSize { get; init; } = 128;

    /// <summary>Stacked GRU layers.</summary>
    public int LayerCount { get; init; } = 2;

    /// <summary>Weight gamma of the discriminative term of the training loss (see <see cref="DiscriminativeLoss"/>).</summary>
    public float Gamma { get; init; } = 0.05f;

    /// <summary>Seconds separated at once by <c>demix separate</c>.</summary>
    public double ChunkSeconds { get; init; } = 30;

    /// <summary>Cross-faded overlap between chunks in seconds.</summary>
    public double OverlapSeconds { get; init; } = 2;

    /// <summary>Bins per frame (the whole spectrum).</summary>
    public int BinCount => FftSize / 2 + 1;

    /// <summary>Throws <see cref="ArgumentException"/> for values the network cannot be built with.</summary>
    public void Validate()
    {
        if (HiddenSize < 1 || LayerCount < 1) throw new ArgumentException("hiddenSize and layerCount must be positive.");
        if (FftSize < 4 || HopSize < 1) throw new ArgumentException("fftSize and hopSize must be positive.");
        if (Gamma is < 0 or >= 1) throw new ArgumentException("gamma must be in [0, 1).");
    }
}

/// <summary>Source-generated JSON for <see cref="DrnnHyperParameters"/>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DrnnHyperParameters))]
internal sealed partial class DrnnJsonContext : JsonSerializerContext;
