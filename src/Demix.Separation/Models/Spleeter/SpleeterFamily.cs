using Demix.Engine.Io;
using Demix.Separation.Models.Seeds;

namespace Demix.Separation.Models.Spleeter;

/// <summary>
/// Builds Spleeter models: from a Demix card + safetensors (<see cref="Load"/>), from the official TensorFlow
/// checkpoint (<see cref="FromCheckpoint"/>, e.g. <c>TfCheckpointReader.Read("pretrained_models/2stems/model")</c>),
/// or fresh with random weights (<see cref="Create"/>).
/// </summary>
public static class SpleeterFamily
{
    /// <summary>The family name in model cards.</summary>
    public const string Name = "spleeter";

    /// <summary>Rate of the published models in Hz.</summary>
    public const int ReferenceSampleRate = 44100;

    /// <summary>The loader registered in <see cref="ModelFamilies"/>: instruments = the card's targets.</summary>
    public static ISeparationModel Load(ModelCard card, NamedTensorSet weights)
    {
        ArgumentNullException.ThrowIfNull(card);
        var hyperParameters = ModelCardJson.FromElement(card, SpleeterJsonContext.Default.SpleeterHyperParameters);
        var network = new SpleeterNetwork(card.Targets, hyperParameters, new Random(0));   // every value is overwritten
        return Wrap(card, SeedModel.LoadWeights(network, weights));
    }

    /// <summary>A model from a Spleeter checkpoint's variables (the official 2stems: instruments vocals, accompaniment).</summary>
    public static SeedModel FromCheckpoint(string name, NamedTensorSet checkpoint, IReadOnlyList<string> instruments, SpleeterHyperParameters? hyperParameters = null)
    {
        hyperParameters ??= new SpleeterHyperParameters();
        var network = new SpleeterNetwork(instruments, hyperParameters, new Random(0));
        SeedModel.LoadWeights(network, SpleeterCheckpointMapping.ToStateDict(checkpoint, instruments));
        return Wrap(NewCard(name, instruments, hyperParameters) with { Licence = "MIT (Deezer)" }, network);
    }

    /// <summary>A model with random weights from <paramref name="random"/> (Keras-style init is not reproduced).</summary>
    public static SeedModel Create(string name, IReadOnlyList<string> instruments, SpleeterHyperParameters hyperParameters, Random random)
    {
        var network = new SpleeterNetwork(instruments, hyperParameters, random);
        network.Eval();
        return Wrap(NewCard(name, instruments, hyperParameters), network);
    }

    /// <summary>A 44.1 kHz card with Spleeter's STFT (4096/1024, not centred: see <see cref="SpleeterStft"/>).</summary>
    public static ModelCard NewCard(string name, IReadOnlyList<string> instruments, SpleeterHyperParameters hyperParameters) => new()
    {
        Name = name,
        Family = Name,
        Description = $"Spleeter U-Net (Hennequin et al. 2020), {instruments.Count} stems: {string.Join("+", instruments)}",
        SampleRate = ReferenceSampleRate,
        Stft = new StftSettings(4096, 1024, Center: false),
        Targets = instruments,
        HyperParameters = ModelCardJson.ToElement(hyperParameters, SpleeterJsonContext.Default.SpleeterHyperParameters),
    };

    private static SeedModel Wrap(ModelCard card, SpleeterNetwork network)
    {
        var hp = network.HyperParameters;
        return new SeedModel(card, network, card.Targets, new(hp.ChunkSeconds, hp.OverlapSeconds),
            m => new SpleeterSeparator(network, m.Card.SampleRate, m.Card.Stft.FftSize, m.Card.Stft.HopSize));
    }
}
