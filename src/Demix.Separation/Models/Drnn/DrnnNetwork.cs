using Demix.Engine.Nn;
using Demix.Engine.Nn.Recurrent;
using Demix.Engine.Tensors;
using Demix.Separation.Models.Seeds;

namespace Demix.Separation.Models.Drnn;

/// <summary>
/// The S2 deep recurrent network (Huang et al. 2014/2015): per frame, log(1 + |X|) feeds a stack of GRU layers
/// (children <c>gru</c>, PyTorch's <c>nn.GRU</c> layout, batch first); a linear layer (<c>output</c>) with ReLU gives
/// two raw outputs y1, y2 per bin; the <see cref="TimeFrequencyMasking"/> layer turns them into the two sources.
/// </summary>
public sealed class DrnnNetwork : Module, ISpectrogramNetwork
{
    private readonly Gru gru;
    private readonly Linear output;

    /// <summary>Builds the network with PyTorch-style initial weights from <paramref name="random"/>.</summary>
    public DrnnNetwork(DrnnHyperParameters hyperParameters, Random random)
    {
        ArgumentNullException.ThrowIfNull(hyperParameters);
        hyperParameters.Validate();
        HyperParameters = hyperParameters;
        int bins = hyperParameters.BinCount;
        gru = Register("gru", new Gru(new RecurrentOptions(bins, hyperParameters.HiddenSize, hyperParameters.LayerCount, BatchFirst: true), random));
        output = Register("output", new Linear(hyperParameters.HiddenSize, 2 * bins, random));
    }

    /// <summary>The hyper-parameters.</summary>
    public DrnnHyperParameters HyperParameters { get; }

    /// <inheritdoc />
    public int FrameMultiple => 1;

    /// <inheritdoc />
    public int BinCount => HyperParameters.BinCount;

    /// <summary>Both sources.</summary>
    /// <param name="mixture">Mixture magnitude, [batch, frames, bins].</param>
    /// <returns>Source 1 and source 2 magnitudes, [batch, frames, bins] each, summing to the mixture.</returns>
    public (Tensor Source1, Tensor Source2) Forward(Tensor mixture)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        int bins = BinCount;
        var (hidden, _) = gru.Forward(mixture.MapAffine(1f, 1f).Log());
        Tensor raw = output.Forward(hidden).Relu();                         // [batch, frames, 2 * bins]
        return TimeFrequencyMasking.Joint(raw.Slice(-1, 0, bins), raw.Slice(-1, bins, bins), mixture);
    }

    /// <inheritdoc />
    public Tensor[] EstimateMagnitudes(Tensor magnitude)
    {
        ArgumentNullException.ThrowIfNull(magnitude);
        int batch = magnitude.Size(0), frames = magnitude.Size(2);
        var (s1, s2) = Forward(magnitude.Reshape(batch, frames, BinCount));
        return [s1.Reshape(batch, 1, frames, BinCount), s2.Reshape(batch, 1, frames, BinCount)];
    }
}
