using Demix.Engine.Nn;
using Demix.Engine.Tensors;
using Demix.Separation.Models.Seeds;

namespace Demix.Separation.Models.KaraokeCnn;

/// <summary>
/// The S4 voice detector: log(1 + |X|) -> <c>layer{i}</c> 3x3 convs (dilation 2^i along time, "same" size) with batch
/// norm (<c>norm{i}</c>) and ReLU -> <c>gain</c> 1x1 conv -> softplus: a per-bin vocal gain g >= 0, and the predicted
/// vocal magnitude g |X|. The gain is not capped at 1, so the predicted vocals may exceed the mixture in a bin:
/// that is where spectral subtraction (clamped at 0) and the inverted waveform differ.
/// </summary>
public sealed class VoiceDetectorCnn : Layer, ISpectrogramNetwork
{
    private readonly Conv2d[] layers;
    private readonly BatchNorm2d[] norms;
    private readonly Conv2d gain;

    /// <summary>Builds the network with weights from <paramref name="random"/>.</summary>
    public VoiceDetectorCnn(KaraokeCnnHyperParameters hyperParameters, Random random)
    {
        ArgumentNullException.ThrowIfNull(hyperParameters);
        hyperParameters.Validate();
        HyperParameters = hyperParameters;
        int count = hyperParameters.LayerCount, channels = hyperParameters.Channels;
        layers = new Conv2d[count];
        norms = new BatchNorm2d[count];
        for (int i = 0; i < count; i++)
        {
            int dilation = 1 << i;
            var options = new ConvOptions { DilationHeight = dilation, PadTop = dilation, PadBottom = dilation, PadLeft = 1, PadRight = 1 };
            layers[i] = Register($"layer{i}", new Conv2d(i == 0 ? 1 : channels, channels, 3, random, options));
            norms[i] = Register($"norm{i}", new BatchNorm2d(channels));
        }
        gain = Register("gain", new Conv2d(channels, 1, 1, random));
    }

    /// <summary>The hyper-parameters.</summary>
    public KaraokeCnnHyperParameters HyperParameters { get; }

    /// <inheritdoc />
    public int FrameMultiple => 1;

    /// <inheritdoc />
    public int BinCount => HyperParameters.BinCount;

    /// <summary>The predicted vocal magnitude.</summary>
    /// <param name="input">Mixture magnitude, [batch, 1, frames, bins].</param>
    /// <returns>[batch, 1, frames, bins], non-negative.</returns>
    public override Tensor Forward(Tensor input) => Tensor.Multiply(Gain(input), input);

    /// <inheritdoc />
    public Tensor[] EstimateMagnitudes(Tensor magnitude) => [Forward(magnitude)];

    /// <summary>The per-bin vocal gain, softplus of the last layer, [batch, 1, frames, bins].</summary>
    public Tensor Gain(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Tensor x = input.MapAffine(1f, 1f).Log();
        for (int i = 0; i < layers.Length; i++) x = norms[i].Forward(layers[i].Forward(x)).Relu();
        Tensor z = gain.Forward(x);
        return z.Relu() + (z.Abs().Negate().Exp() + 1f).Log();   // softplus, stable for large |z|
    }
}
