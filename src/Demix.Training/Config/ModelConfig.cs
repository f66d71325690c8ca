using Demix.Separation.Models.Drnn;
using Demix.Separation.Models.FrameTransformer;
using Demix.Separation.Models.KaraokeCnn;
using Demix.Separation.Models.Pix2Pix;
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

    /// <summary>S4 karaoke CNN hyper-parameters.</summary>
    public KaraokeCnnHyperParameters KaraokeCnn { get; set; } = new();

    /// <summary>S0 pix2pix hyper-parameters (both networks, the image mapping and the L1 weight).</summary>
    [YamlDotNet.Serialization.YamlMember(Alias = "pix2pix")]
    public Pix2PixHyperParameters Pix2Pix { get; set; } = new();

    /// <summary>
    /// A <c>.safetensors</c> file whose weights start a fresh run instead of the random initialisation (and of the input
    /// statistics): an exported model (<c>best/&lt;name&gt;.safetensors</c>) or a run's <c>checkpoint.safetensors</c> of the
    /// same family and size, e.g. S4's synthetic stage from its voice+noise stage. Empty: none. Ignored on resume.
    /// </summary>
    public string InitFrom { get; set; } = "";
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
