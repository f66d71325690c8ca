using System.Text.Json.Serialization;

namespace Demix.Separation.Models.FrameTransformer;

/// <summary>
/// Hyper-parameters of the S3 hybrid frame-conv transformer vocal remover: a U-Net whose convolutions only mix
/// frequencies within a frame (kernel 1 along time), with transformer blocks across time at the bottleneck using
/// Music Transformer relative attention (Huang et al. 2019), Primer's squared-ReLU feed-forward and depthwise
/// convolution (So et al. 2021) and the Evolved Transformer's convolutional branch idea (So et al. 2019).
/// Default: 44.1 kHz, STFT 2048/512, 1024 bins, 4 levels from 8 channels, 2 blocks of width 128 with 4 heads.
/// </summary>
public sealed record FrameTransformerHyperParameters
{
    /// <summary>Rate the model works at in Hz.</summary>
    public int SampleRate { get; init; } = 44100;

    /// <summary>STFT size in samples.</summary>
    public int FftSize { get; init; } = 2048;

    /// <summary>STFT hop in samples.</summary>
    public int HopSize { get; init; } = 512;

    /// <summary>Bins the network sees (the lowest); a multiple of 2^levels.</summary>
    public int BinCount { get; init; } = 1024;

    /// <summary>Frame-convolution levels; each halves the bins.</summary>
    public int Levels { get; init; } = 4;

    /// <summary>Channels of the first level; each level doubles them.</summary>
    public int BaseChannels { get; init; } = 8;

    /// <summary>Kernel length of the frame convolutions along frequency (odd).</summary>
    public int FrameKernel { get; init; } = 5;

    /// <summary>Transformer width (embedding of one frame at the bottleneck).</summary>
    public int ModelWidth { get; init; } = 128;

    /// <summary>Attention heads (divides the width).</summary>
    public int HeadCount { get; init; } = 4;

    /// <summary>Transformer blocks.</summary>
    public int BlockCount { get; init; } = 2;

    /// <summary>Largest relative distance in frames with its own attention embedding (further ones share the last).</summary>
    public int RelativeDistance { get; init; } = 64;

    /// <summary>Kernel length in frames of the depthwise convolution across time (odd).</summary>
    public int DepthwiseKernel { get; init; } = 3;

    /// <summary>Feed-forward expansion factor.</summary>
    public int FeedForwardFactor { get; init; } = 4;

    /// <summary>Seconds separated at once by <c>demix separate</c>.</summary>
    public double ChunkSeconds { get; init; } = 20;

    /// <summary>Cross-faded overlap between chunks in seconds.</summary>
    public double OverlapSeconds { get; init; } = 2;

    /// <summary>Channels of level <paramref name="level"/>.</summary>
    public int Channels(int level) => BaseChannels << level;

    /// <summary>Features of one frame at the bottleneck: channels times the remaining bins.</summary>
    public int BottleneckFeatures => Channels(Levels - 1) * (BinCount >> Levels);

    /// <summary>Throws <see cref="ArgumentException"/> for values the network cannot be built with.</summary>
    public void Validate()
    {
        if (Levels < 1 || BaseChannels < 1 || BinCount % (1 << Levels) != 0 || BinCount < 1 << Levels)
            throw new ArgumentException($"binCount {BinCount} must be a positive multiple of 2^levels ({1 << Levels}).");
        if (BinCount > FftSize / 2 + 1) throw new ArgumentException($"binCount {BinCount} exceeds the {FftSize / 2 + 1} bins of the STFT.");
        if (FrameKernel % 2 == 0 || DepthwiseKernel % 2 == 0) throw new ArgumentException("frameKernel and depthwiseKernel must be odd.");
        if (ModelWidth < 1 || HeadCount < 1 || ModelWidth % HeadCount != 0) throw new ArgumentException("modelWidth must be a positive multiple of headCount.");
        if (BlockCount < 0 || RelativeDistance < 1 || FeedForwardFactor < 1) throw new ArgumentException("blockCount, relativeDistance and feedForwardFactor must be positive.");
    }
}

/// <summary>Source-generated JSON for <see cref="FrameTransformerHyperParameters"/>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FrameTransformerHyperParameters))]
internal sealed partial class FrameTransformerJsonContext : JsonSerializerContext;
