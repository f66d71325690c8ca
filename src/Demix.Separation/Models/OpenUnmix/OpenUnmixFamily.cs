using Demix.Engine.Io;
using Demix.Engine.Io.Pth;
using Demix.Engine.Nn;
using Demix.Engine.Tensors;

namespace Demix.Separation.Models.OpenUnmix;

/// <summary>
/// Builds Open-Unmix models: from a Demix card + safetensors (<see cref="Load"/>), from the official PyTorch
/// state dicts, one <c>.pth</c> per target (<see cref="FromPth"/>), or fresh with random weights (<see cref="Create"/>).
/// </summary>
public static class OpenUnmixFamily
{
    /// <summary>The family name in model cards.</summary>
    public const string Name = "open-unmix";

    /// <summary>Rate of the published models in Hz.</summary>
    public const int ReferenceSampleRate = 44100;

    /// <summary>The reference STFT: 4096-point periodic Hann, hop 1024, centred.</summary>
    public static StftSettings ReferenceStft { get; } = new(4096, 1024);

    /// <summary>The loader registered in <see cref="ModelFamilies"/>: one network per card target, weights <c>&lt;target&gt;.&lt;key&gt;</c>.</summary>
    public static ISeparationModel Load(ModelCard card, NamedTensorSet weights)
    {
        var hyperParameters = ModelCardJson.FromElement(card, OpenUnmixJsonContext.Default.OpenUnmixHyperParameters);
        var networks = new List<OpenUnmixNetwork>();
        foreach (string target in card.Targets)
        {
            string prefix = target + ".";
            var own = weights.Where(w => w.Name.StartsWith(prefix, StringComparison.Ordinal))
                .Select(w => w with { Name = w.Name[prefix.Length..] });
            networks.Add(LoadNetwork(hyperParameters, new NamedTensorSet(weights.Source, own), strict: true));
        }
        int used = networks.Sum(n => n.StateDict().Count);
        if (used != weights.Count)
        {
            throw new ArgumentException($"{weights.Count - used} tensors belong to no target of [{string.Join(", ", card.Targets)}].");
        }
        return new OpenUnmixModel(card, networks);
    }

    /// <summary>
    /// Loads the official Open-Unmix state dicts (e.g. umxhq's <c>vocals-b62c91ce.pth</c>), one file per target.
    /// Keys the network does not have (the old <c>stft.window</c>, <c>sample_rate</c>) are ignored, as the
    /// reference's <c>load_state_dict(strict=False)</c>; every key the network has must be present.
    /// </summary>
    public static OpenUnmixModel FromPth(string name, IReadOnlyList<(string Target, string Path)> files,
        OpenUnmixHyperParameters hyperParameters, Func<ModelCard, ModelCard>? describe = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var networks = files.Select(f => LoadNetwork(hyperParameters, PthReader.Read(f.Path), strict: false)).ToList();
        ModelCard card = NewCard(name, [.. files.Select(f => f.Target)], hyperParameters);
        return new OpenUnmixModel(describe is null ? card : describe(card), networks);
    }

    /// <summary>A model with PyTorch's default random initialisation from <paramref name="random"/> (for tests, benchmarks, training).</summary>
    public static OpenUnmixModel Create(string name, IReadOnlyList<string> targets, OpenUnmixHyperParameters hyperParameters, Random random)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var networks = targets.Select(_ => new OpenUnmixNetwork(hyperParameters, random)).ToList();
        return new OpenUnmixModel(NewCard(name, targets, hyperParameters), networks);
    }

    /// <summary>A card for a 44.1 kHz reference-STFT model with <paramref name="hyperParameters"/>.</summary>
    public static ModelCard NewCard(string name, IReadOnlyList<string> targets, OpenUnmixHyperParameters hyperParameters) => new()
    {
        Name = name,
        Family = Name,
        Description = $"Open-Unmix, hidden {hyperParameters.HiddenSize}, targets {string.Join("+", targets)}",
        SampleRate = ReferenceSampleRate,
        Stft = ReferenceStft,
        Targets = targets,
        HyperParameters = ModelCardJson.ToElement(hyperParameters, OpenUnmixJsonContext.Default.OpenUnmixHyperParameters),
    };

    private static OpenUnmixNetwork LoadNetwork(OpenUnmixHyperParameters hyperParameters, NamedTensorSet tensors, bool strict)
    {
        var network = new OpenUnmixNetwork(hyperParameters, new Random(0));   // every value is overwritten below
        var own = network.StateDict().Select(e => e.Key).ToHashSet();
        var state = tensors.Where(t => strict || own.Contains(t.Name)).ToDictionary(t => t.Name, t => new Tensor(t.Shape, t.Data));
        var missing = own.Where(k => !state.ContainsKey(k)).ToList();
        if (missing.Count > 0) throw new ArgumentException($"{tensors.Source}: missing [{string.Join(", ", missing)}].");
        network.LoadStateDict(state, strict: true);
        network.Eval();
        return network;
    }
}
