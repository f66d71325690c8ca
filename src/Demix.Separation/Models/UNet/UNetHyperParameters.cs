using System.Text.Json.Serialization;

namespace Demix.Separation.Models.UNet;

/// <summary>
/// Hyper-parameters of the S1 U-Net vocal extractor (Jansson et al. 2017, "Singing voice separation with deep U-Net
/// convolutional networks", ISMIR). Published: audio at 8192 Hz, STFT 1024/768, patches of 128 frames x 512 bins,
/// six levels of 16..512 channels. The default here is the same shape at half the channels (8..256).
/// </summary>
public sealed record UNetHyperParameters
{
    /// <summary>Rate the model works at in Hz.</summary>
    public int SampleRate { get; init; } = 8192;

    /// <summary>STFT size (window length) in samples.</summary>
    public int FftSize { get; init; } = 1024;

    /// <summary>STFT hop in samples.</summary>
    public int HopSize { get; init; } = 768;

    /// <summary>Bins the network sees (the lowest; fftSize / 2 drops only the Nyquist bin).</summary>
    public int BinCount { get; init; } = 512;

    /// <summary>Encoder (and decoder) levels: strided 5x5 convs.</summary>
    public int Levels { get; init; } = 6;

    /// <summary>Channels of the first level; each level doubles them.</summary>
    public int BaseChannels { get; init; } = 8;

    /// <summary>Dropout of the first three decoder blocks in training.</summary>
    public float Dropout { get; init; } = 0.5f;

    /// <summary>Seconds separated at once by <c>demix separate</c>.</summary>
    public double ChunkSeconds { get; init; } = 30;

    /// <summary>Cross-faded overlap between chunks in seconds.</summary>
    public double OverlapSeconds { get; init; } = 2;

    /// <summary>Channels of encoder level <paramref name="level"/>.</summary>
    public int Channels(int level) => BaseChannels << level;

    /// <summary>Throws <see cref="ArgumentException"/> for values the network cannot be built with.</summary>
    public void Validate()
    {
        if (Levels is < 1 or > 10 || BaseChannels < 1) throw new ArgumentException("levels must be 1..10 and baseChannels positive.");
        if (BinCount < 1 << Levels || BinCount % (1 << Levels) != 0) throw new ArgumentException($"binCount {BinCount} must be a multiple of 2^levels.");
        if (BinCount > FftSize / 2 + 1) throw new ArgumentException($"binCount {BinCount} exceeds the {FftSize / 2 + 1} bins of the STFT.");
        if (Dropout is < 0 or >= 1) throw new ArgumentException("dropout must be in [0, 1).");
    }
}

/// <summary>Source-generated JSON for <see cref="UNetHyperParameters"/>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(UNetHyperParameters))]
internal sealed partial class UNetJsonContext : JsonSerializerContext;
