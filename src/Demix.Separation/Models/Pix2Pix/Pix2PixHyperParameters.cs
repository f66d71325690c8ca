using System.Text.Json.Serialization;

namespace Demix.Separation.Models.Pix2Pix;

/// <summary>
/// Hyper-parameters of the S0 spectrogram-image GAN (pix2pix: Isola et al. 2017, "Image-to-image translation with
/// conditional adversarial networks", CVPR): a U-Net generator maps the 256x256 image of the mixture's spectrogram to
/// the image of the vocals; a 70x70 PatchGAN discriminator judges (mixture, vocals) pairs; loss = adversarial +
/// lambda L1 with lambda = 100. Published channels: 64 doubling to 512 in both nets. Default here: 16 (to 128).
/// Images: 22.05 kHz, STFT 512 with hop 430 so 256 frames are 5 s, the lowest 256 bins (0..11 kHz), log magnitude
/// over <see cref="DynamicRangeDb"/> below <see cref="ReferenceMagnitude"/> scaled to [-1, 1].
/// </summary>
public sealed record Pix2PixHyperParameters
{
    /// <summary>Rate the model works at in Hz.</summary>
    public int SampleRate { get; init; } = 22050;

    /// <summary>STFT size in samples.</summary>
    public int FftSize { get; init; } = 512;

    /// <summary>STFT hop in samples (the image's time resolution).</summary>
    public int HopSize { get; init; } = 430;

    /// <summary>Image width (frames) and height (bins), a power of two.</summary>
    public int ImageSize { get; init; } = 256;

    /// <summary>Generator levels (stride-2 convs); log2(imageSize) reaches 1x1 as published.</summary>
    public int GeneratorLevels { get; init; } = 8;

    /// <summary>Generator channels of the first level; doubling, capped at 8x.</summary>
    public int GeneratorChannels { get; init; } = 16;

    /// <summary>Discriminator channels of the first layer (doubling to 8x: C64-C128-C256-C512 published).</summary>
    public int DiscriminatorChannels { get; init; } = 16;

    /// <summary>Weight of the L1 term.</summary>
    public float L1Weight { get; init; } = 100f;

    /// <summary>Magnitude shown as the brightest pixel (0 dB).</summary>
    public float ReferenceMagnitude { get; init; } = 64f;

    /// <summary>Decibels from the brightest to the darkest pixel.</summary>
    public float DynamicRangeDb { get; init; } = 80f;

    /// <summary>How the vocal image becomes audio.</summary>
    public PhaseSource Phase { get; init; } = PhaseSource.Mixture;

    /// <summary>Griffin-Lim iterations when <see cref="Phase"/> is <see cref="PhaseSource.GriffinLim"/>.</summary>
    public int GriffinLimIterations { get; init; } = 32;

    /// <summary>Seconds separated at once by <c>demix separate</c>.</summary>
    public double ChunkSeconds { get; init; } = 30;

    /// <summary>Cross-faded overlap between chunks in seconds.</summary>
    public double OverlapSeconds { get; init; } = 2;

    /// <summary>Generator channels of level <paramref name="level"/>.</summary>
    public int Channels(int level) => GeneratorChannels * Math.Min(1 << level, 8);

    /// <summary>Throws <see cref="ArgumentException"/> for values the networks cannot be built with.</summary>
    public void Validate()
    {
        if (ImageSize < 16 || (ImageSize & (ImageSize - 1)) != 0) throw new ArgumentException($"imageSize {ImageSize} must be a power of two, at least 16.");
        if (GeneratorLevels < 2 || 1 << GeneratorLevels > ImageSize) throw new ArgumentException($"generatorLevels must be 2..log2(imageSize).");
        if (ImageSize > FftSize / 2 + 1) throw new ArgumentException($"imageSize {ImageSize} exceeds the {FftSize / 2 + 1} bins of the STFT.");
        if (GeneratorChannels < 1 || DiscriminatorChannels < 1 || DynamicRangeDb <= 0 || ReferenceMagnitude <= 0)
            throw new ArgumentException("channels, dynamicRangeDb and referenceMagnitude must be positive.");
    }
}

/// <summary>Source-generated JSON for <see cref="Pix2PixHyperParameters"/>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Pix2PixHyperParameters))]
internal sealed partial class Pix2PixJsonContext : JsonSerializerContext;
