using Demix.Separation.Models.Drnn;
using Demix.Separation.Models.FrameTransformer;
using Demix.Separation.Models.UNet;

namespace Demix.Training.Config;

/// <summary>
/// The model (<c>model:</c>): <see cref="Family"/> picks the section that holds the hyper-parameters; the other
/// sections are ignored. Families: <c>open-unmix</c>, <c>unet</c> (S1), <c>drnn</c> (S2), <c>frame-transformer</c> (S3),
/// <c>karaoke-cnn</c> (S4), <c>pix2pix</c> (S0).
/// </summary>
public sealed class ModelConfig
{
    /// <summary>Family name as in model cards.</summary>
    public string Family { get; set; } = "";

    /// <summary>Which source the model estimates (vocals or accompaniment) for one-target families.</summary>
    public string Target { get; set; } = "vocals";

    /// <summary>Open-Unmix hyper-parameters.</summary>
    public OpenUnmixConfig OpenUnmix { get; set; } = new();

    /// <summary>S1 U-Net hyper-parameters.</summary>
    public UNetHyperParameters Unet { get; set; } = new();

    /// <summary>S2 DRNN hyper-parameters.</summary>
    public DrnnHyperParameters Drnn { get; set; } = new();

    /// <summary>S3 frame-transformer hyper-parameters.</summary>
    public FrameTransformerHyperParameters FrameTransformer { get; set; } = new();

    /// <summary>S4 karaoke CNN hyper-parameters (the family lands with the seeds work).</summary>
    public KaraokeCnnConfig KaraokeCnn { get; set; } = new();

    /// <summary>S0 pix2pix hyper-parameters (the family lands with the seeds work).</summary>
    [YamlDotNet.Serialization.YamlMember(Alias = "pix2pix")]
    public Pix2PixConfig Pix2Pix { get; set; } = new();
}

/// <summary>Open-Unmix as trained here: the published network at any rate/STFT and size.</summary>
public sealed class OpenUnmixConfig
{
    /// <summary>Model rate in Hz.</summary>
    public int SampleRate { get; set; } = 44100;

    /// <summary>STFT size in samples.</summary>
    public int FftSize { get; set; } = 4096;

    /// <summary>STFT hop in samples.</summary>
    public int HopSize { get; set; } = 1024;

    /// <summary>Highest frequency the network sees in Hz (the published 16 kHz).</summary>
    public double BandwidthHz { get; set; } = 16000;

    /// <summary>Hidden width (published 512).</summary>
    public int HiddenSize { get; set; } = 512;

    /// <summary>LSTM layers (published 3).</summary>
    public int LayerCount { get; set; } = 3;

    /// <summary>Dropout between LSTM layers.</summary>
    public float LstmDropout { get; set; } = 0.4f;
}

/// <summary>S4 karaoke CNN: input patch and width.</summary>
public sealed class KaraokeCnnConfig
{
    /// <summary>Model rate in Hz.</summary>
    public int SampleRate { get; set; } = 22050;

    /// <summary>STFT size in samples.</summary>
    public int FftSize { get; set; } = 1024;

    /// <summary>STFT hop in samples.</summary>
    public int HopSize { get; set; } = 256;

    /// <summary>Frames of context per patch.</summary>
    public int ContextFrames { get; set; } = 25;

    /// <summary>Channels of the first convolution.</summary>
    public int BaseChannels { get; set; } = 16;
}

/// <summary>S0 pix2pix: image size and widths.</summary>
public sealed class Pix2PixConfig
{
    /// <summary>Square image side in pixels.</summary>
    public int ImageSize { get; set; } = 256;

    /// <summary>Generator channels of the first level.</summary>
    public int GeneratorChannels { get; set; } = 64;

    /// <summary>Discriminator channels of the first level.</summary>
    public int DiscriminatorChannels { get; set; } = 64;

    /// <summary>Weight of the L1 term against the adversarial term.</summary>
    public float L1Weight { get; set; } = 100f;
}
