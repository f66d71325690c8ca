using System.Text.Json.Serialization;

namespace Demix.Separation.Models.KaraokeCnn;

/// <summary>
/// Hyper-parameters of the S4 universal karaoke CNN: a convolutional voice detector over the magnitude
/// spectrogram (in the spirit of Schlüter and Grill 2015's CNN singing-voice detectors and Simpson et al. 2015's
/// convolutional "deep karaoke" masks) that predicts the vocal magnitude; karaoke = mixture minus predicted vocals.
/// Default: 22.05 kHz, STFT 1024/256, 4 conv layers of 16 channels with time dilations 1, 2, 4, 8.
/// </summary>
public sealed record KaraokeCnnHyperParameters
{
    /// <summary>Rate the model works at in Hz.</summary>
    public int SampleRate { get; init; } = 22050;

    /// <summary>STFT size in samples.</summary>
    public int FftSize { get; init; } = 1024;

    /// <summary>STFT hop in samples.</summary>
    public int HopSize { get; init; } = 256;

    /// <summary>Channels of every hidden conv layer.</summary>
    public int Channels { get; init; } = 16;

    /// <summary>Hidden 3x3 conv layers; layer i is dilated 2^i along time (context grows to 2^layers frames).</summary>
    public int LayerCount { get; init; } = 4;

    /// <summary>How the karaoke track is made from the predicted vocals.</summary>
    public KaraokeMode Mode { get; init; } = KaraokeMode.SpectralSubtraction;

    /// <summary>Seconds separated at once by <c>demix separate</c>.</summary>
    public double ChunkSeconds { get; init; } = 30;

    /// <summary>Cross-faded overlap between chunks in seconds.</summary>
    public double OverlapSeconds { get; init; } = 2;

    /// <summary>Bins per frame (the whole spectrum).</summary>
    public int BinCount => FftSize / 2 + 1;

    /// <summary>Throws <see cref="ArgumentException"/> for values the network cannot be built with.</summary>
    public void Validate()
    {
        if (Channels < 1 || LayerCount is < 1 or > 12) throw new ArgumentException("channels must be positive and layerCount 1..12.");
        if (FftSize < 4 || HopSize < 1) throw new ArgumentException("fftSize and hopSize must be positive.");
    }
}

/// <summary>Source-generated JSON for <see cref="KaraokeCnnHyperParameters"/>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(KaraokeCnnHyperParameters))]
internal sealed partial class KaraokeCnnJsonContext : JsonSerializerContext;
