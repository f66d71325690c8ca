using System.Text.Json.Serialization;

namespace Demix.Separation.Models.Spleeter;

/// <summary>
/// Spleeter's model parameters (Hennequin et al. 2020, "Spleeter: a fast and efficient music source separation
/// tool with pre-trained models", JOSS 5(50)); the defaults are the published 2stems/4stems/5stems U-Nets
/// (<c>resources/2stems.json</c>: T = 512, F = 1024, frame_length 4096, frame_step 1024, separation_exponent 2,
/// mask_extension zeros).
/// </summary>
public sealed record SpleeterHyperParameters
{
    /// <summary>Frames per network input segment (the spectrogram is zero-padded to a multiple of it).</summary>
    public int FrameCount { get; init; } = 512;

    /// <summary>Bins the network sees (the lowest F of frameLength / 2 + 1).</summary>
    public int BinCount { get; init; } = 1024;

    /// <summary>Audio channels (the network's input and output channels).</summary>
    public int ChannelCount { get; init; } = 2;

    /// <summary>Encoder filters per level (six levels); the decoder mirrors them.</summary>
    public IReadOnlyList<int> Filters { get; init; } = [16, 32, 64, 128, 256, 512];

    /// <summary>Encoder activation: <c>LeakyReLU</c> (slope 0.2, the default), <c>ELU</c> or <c>ReLU</c>.</summary>
    public string ConvActivation { get; init; } = "LeakyReLU";

    /// <summary>Decoder activation: <c>ReLU</c> (the default), <c>ELU</c> or <c>LeakyReLU</c>.</summary>
    public string DeconvActivation { get; init; } = "ReLU";

    /// <summary>Exponent p of the masks (S_i^p + eps/N) / (sum_j S_j^p + eps).</summary>
    public float SeparationExponent { get; init; } = 2f;

    /// <summary>Seconds separated at once by <c>demix separate</c>.</summary>
    public double ChunkSeconds { get; init; } = 30;

    /// <summary>Cross-faded overlap between chunks in seconds.</summary>
    public double OverlapSeconds { get; init; } = 2;

    /// <summary>Throws <see cref="ArgumentException"/> for values the network cannot be built with.</summary>
    public void Validate()
    {
        if (Filters.Count != 6 || Filters.Any(f => f < 1)) throw new ArgumentException("filters must list six positive channel counts.");
        if (FrameCount < 64 || FrameCount % 64 != 0 || BinCount < 64 || BinCount % 64 != 0)
        {
            throw new ArgumentException($"frameCount ({FrameCount}) and binCount ({BinCount}) must be positive multiples of 64 (six stride-2 levels).");
        }
        if (ChannelCount < 1) throw new ArgumentException("channelCount must be positive.");
        _ = SpleeterActivation.Parse(ConvActivation);
        _ = SpleeterActivation.Parse(DeconvActivation);
    }
}

/// <summary>Source-generated JSON for <see cref="SpleeterHyperParameters"/>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SpleeterHyperParameters))]
internal sealed partial class SpleeterJsonContext : JsonSerializerContext;
