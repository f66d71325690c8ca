using System.Text.Json.Serialization;

namespace Demix.Separation.Models.OpenUnmix;

/// <summary>
/// Hyper-parameters of an Open-Unmix model (the card's <c>hyperParameters</c>), with the reference defaults
/// of sigsep/open-unmix-pytorch (UMX-HQ: hidden 512; UMX-L: hidden 1024).
/// </summary>
public sealed record OpenUnmixHyperParameters
{
    /// <summary>The largest <see cref="Shifts"/> accepted (each shift is one more full separation pass).</summary>
    public const int MaxShifts = 16;

    /// <summary>Frequency bins of the STFT, fftSize / 2 + 1 (the output size).</summary>
    public int BinCount { get; init; } = 2049;

    /// <summary>Bins fed to the network, those under the bandwidth (1487 for 16 kHz at 44.1 kHz / 4096).</summary>
    public int MaxBin { get; init; } = 1487;

    /// <summary>Audio channels the network sees (1: magnitudes averaged over channels, or 2).</summary>
    public int ChannelCount { get; init; } = 2;

    /// <summary>Width of fc1/fc2 and of the LSTM output (hidden / 2 per direction when bidirectional).</summary>
    public int HiddenSize { get; init; } = 512;

    /// <summary>LSTM layers.</summary>
    public int LayerCount { get; init; } = 3;

    /// <summary>A one-directional LSTM (hidden per direction = HiddenSize) instead of the BLSTM.</summary>
    public bool Unidirectional { get; init; }

    /// <summary>Dropout between LSTM layers in training (0.4 when LayerCount &gt; 1, as the reference).</summary>
    public float LstmDropout { get; init; } = 0.4f;

    /// <summary>EM iterations of the Wiener filter (0: magnitudes with the mixture phase).</summary>
    public int WienerIterations { get; init; } = 1;

    /// <summary>Initial estimates from soft masks instead of the magnitudes.</summary>
    public bool Softmask { get; init; }

    /// <summary>Add the residual (mixture minus targets) as a last source; null: only when the targets are vocals alone.</summary>
    public bool? Residual { get; init; }

    /// <summary>Frames per Wiener block (<c>wiener_win_len</c>); 0 = whole chunk.</summary>
    public int WienerWindowFrames { get; init; } = 300;

    /// <summary>Test-time augmentation: also run the networks on the channel-swapped mixture and average the two
    /// magnitude estimates (swapped back) before the Wiener filter. About doubles the network time.</summary>
    public bool ChannelSwap { get; init; }

    /// <summary>Test-time augmentation: extra passes at evenly spaced sub-hop offsets k * hop / (shifts + 1), k = 1..shifts,
    /// whose waveforms are shifted back and averaged with the plain pass (0 = the plain pass alone).</summary>
    public int Shifts { get; init; }

    /// <summary>Seconds of audio separated at once (memory bound).</summary>
    public double ChunkSeconds { get; init; } = 30.0;

    /// <summary>Seconds of context shared and cross-faded by consecutive chunks.</summary>
    public double OverlapSeconds { get; init; } = 4.0;

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        if (BinCount < 2 || MaxBin < 1 || MaxBin > BinCount) throw new ArgumentException($"maxBin {MaxBin} must be in 1..binCount ({BinCount}).");
        if (ChannelCount is not (1 or 2)) throw new ArgumentException($"channelCount must be 1 or 2, not {ChannelCount}.");
        if (HiddenSize < 2 || (!Unidirectional && HiddenSize % 2 != 0)) throw new ArgumentException($"hiddenSize {HiddenSize} must be even and at least 2.");
        if (LayerCount < 1) throw new ArgumentException("layerCount must be at least 1.");
        if (WienerIterations < 0 || WienerWindowFrames < 0) throw new ArgumentException("wienerIterations and wienerWindowFrames must be non-negative.");
        if (Shifts is < 0 or > MaxShifts) throw new ArgumentException($"shifts must be in 0..{MaxShifts}, not {Shifts}.");
        if (ChunkSeconds <= 0 || OverlapSeconds < 0 || 2 * OverlapSeconds > ChunkSeconds)
        {
            throw new ArgumentException($"chunkSeconds ({ChunkSeconds}) must be positive and at least twice overlapSeconds ({OverlapSeconds}).");
        }
    }

    /// <summary>The reference <c>bandwidth_to_max_bin</c>: bins whose frequency k * rate / fftSize is at most the bandwidth.</summary>
    public static int MaxBinFor(double sampleRate, int fftSize, double bandwidthHz)
    {
        int binCount = fftSize / 2 + 1;
        int count = 0;
        for (int k = 0; k < binCount; k++)
        {
            if (k * (sampleRate / 2) / (binCount - 1) <= bandwidthHz) count = k + 1;
        }
        return count;
    }
}

/// <summary>Source-generated JSON for <see cref="OpenUnmixHyperParameters"/>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(OpenUnmixHyperParameters))]
internal sealed partial class OpenUnmixJsonContext : JsonSerializerContext;
