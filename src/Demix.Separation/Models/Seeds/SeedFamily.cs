using System.Text.Json.Serialization.Metadata;
using Demix.Engine.Io;
using Demix.Engine.Nn;

namespace Demix.Separation.Models.Seeds;

/// <summary>What one seed family (S0-S4) supplies to <see cref="SeedFamily{TFamily, THyperParameters, TNetwork}"/>.</summary>
/// <typeparam name="THyperParameters">The family's hyper-parameter record (stored in the card).</typeparam>
/// <typeparam name="TNetwork">The family's network.</typeparam>
public interface ISeedFamily<THyperParameters, TNetwork> where TNetwork : Module
{
    /// <summary>How the hyper-parameters are written in and read from a card.</summary>
    static abstract JsonTypeInfo<THyperParameters> HyperParametersJson { get; }

    /// <summary>A network with weights drawn from <paramref name="random"/>.</summary>
    static abstract TNetwork CreateNetwork(THyperParameters hyperParameters, Random random);

    /// <summary>A card for a new model of the family.</summary>
    static abstract ModelCard NewCard(string name, THyperParameters hyperParameters);

    /// <summary>The model around a network: its stems, chunking and separator.</summary>
    static abstract SeedModel Wrap(ModelCard card, TNetwork network);
}

/// <summary>
/// The create / load / card steps every seed family shares; a family derives from this class (so that
/// <c>UNetFamily.Load</c> and <c>UNetFamily.Create</c> are these methods) and implements only what differs.
/// </summary>
/// <typeparam name="TFamily">The deriving family itself.</typeparam>
public abstract class SeedFamily<TFamily, THyperParameters, TNetwork>
    where TFamily : ISeedFamily<THyperParameters, TNetwork>
    where TNetwork : Module
{
    /// <summary>Only the families derive.</summary>
    private protected SeedFamily()
    {
    }

    /// <summary>The loader registered in <see cref="ModelFamilies"/>: the card's hyper-parameters, then the weights (strict).</summary>
    public static ISeparationModel Load(ModelCard card, NamedTensorSet weights)
    {
        ArgumentNullException.ThrowIfNull(card);
        THyperParameters hyperParameters = ModelCardJson.FromElement(card, TFamily.HyperParametersJson);
        return TFamily.Wrap(card, SeedModel.LoadWeights(TFamily.CreateNetwork(hyperParameters, new Random(0)), weights));
    }

    /// <summary>A model with random weights from <paramref name="random"/>, in evaluation mode.</summary>
    public static SeedModel Create(string name, THyperParameters hyperParameters, Random random)
    {
        TNetwork network = TFamily.CreateNetwork(hyperParameters, random);
        network.Eval();
        return TFamily.Wrap(TFamily.NewCard(name, hyperParameters), network);
    }

    /// <summary>A card of family <paramref name="family"/> that stores <paramref name="hyperParameters"/>.</summary>
    private protected static ModelCard Card(string family, string name, THyperParameters hyperParameters, string description,
        int sampleRate, StftSettings stft, IReadOnlyList<string> targets) => new()
    {
        Name = name,
        Family = family,
        Description = description,
        SampleRate = sampleRate,
        Stft = stft,
        Targets = targets,
        HyperParameters = ModelCardJson.ToElement(hyperParameters, TFamily.HyperParametersJson),
    };
}
