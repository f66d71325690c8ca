using Demix.Engine.Io;
using Demix.Engine.Nn;
using Demix.Separation.Pipeline;

namespace Demix.Separation.Models.OpenUnmix;

/// <summary>
/// An Open-Unmix model: one <see cref="OpenUnmixNetwork"/> per target (the reference trains each target on its
/// own) and the separator settings. Weights are saved as <c>&lt;target&gt;.&lt;state-dict key&gt;</c>, e.g.
/// <c>vocals.fc1.weight</c>.
/// </summary>
public sealed class OpenUnmixModel : ISeparationModel
{
    /// <summary>Creates the model from <paramref name="card"/> and one network per card target (same order).</summary>
    public OpenUnmixModel(ModelCard card, IReadOnlyList<OpenUnmixNetwork> networks)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(networks);
        if (networks.Count != card.Targets.Count || networks.Count == 0)
        {
            throw new ArgumentException($"{networks.Count} networks for {card.Targets.Count} targets.", nameof(networks));
        }
        Card = card;
        Networks = networks;
        HyperParameters = networks[0].HyperParameters;
        foreach (var network in networks) network.Eval();
        bool residual = HyperParameters.Residual ?? (card.Targets.Count == 1 && card.Targets[0] == StemNames.Vocals);
        if (!residual && card.Targets.Count == 1 && HyperParameters.WienerIterations > 0)
        {
            throw new ArgumentException("Wiener EM needs at least two sources: enable the residual or set wienerIterations to 0.");
        }
        UsesResidual = residual;
        Stems = residual ? [.. card.Targets, ResidualStemName(card.Targets)] : [.. card.Targets];
    }

    /// <inheritdoc />
    public ModelCard Card { get; }

    /// <summary>The target networks, in <see cref="ModelCard.Targets"/> order.</summary>
    public IReadOnlyList<OpenUnmixNetwork> Networks { get; }

    /// <summary>The shared hyper-parameters (separator settings included).</summary>
    public OpenUnmixHyperParameters HyperParameters { get; }

    /// <summary>Whether the residual (mixture minus targets) is the last stem.</summary>
    public bool UsesResidual { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Stems { get; }

    /// <inheritdoc />
    public ChunkSettings Chunking => new(HyperParameters.ChunkSeconds, HyperParameters.OverlapSeconds);

    /// <inheritdoc />
    public IReadOnlyList<NamedTensorData> ExportWeights()
    {
        var result = new List<NamedTensorData>();
        for (int j = 0; j < Networks.Count; j++)
        {
            foreach (var tensor in Networks[j].ToNamedTensors()) result.Add(tensor with { Name = $"{Card.Targets[j]}.{tensor.Name}" });
        }
        return result;
    }

    /// <inheritdoc />
    public ISeparator CreateSeparator() => new OpenUnmixSeparator(this);

    /// <summary>A separator whose Wiener and test-time-augmentation settings are the card's, overridden by <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">An override is out of range, or asks for Wiener EM on a single source.</exception>
    public OpenUnmixSeparator CreateSeparator(InferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = HyperParameters with
        {
            WienerIterations = options.WienerIterations ?? HyperParameters.WienerIterations,
            ChannelSwap = options.ChannelSwap ?? HyperParameters.ChannelSwap,
            Shifts = options.Shifts ?? HyperParameters.Shifts,
        };
        return new OpenUnmixSeparator(this, settings);
    }

    /// <summary>The residual's stem: <c>accompaniment</c> next to vocals alone, else <c>residual</c>.</summary>
    private static string ResidualStemName(IReadOnlyList<string> targets) =>
        targets.Count == 1 && targets[0] == StemNames.Vocals ? StemNames.Accompaniment : "residual";
}
