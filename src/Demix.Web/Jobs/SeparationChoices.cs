using Demix.Separation.Methods;
using Demix.Separation.Models;
using Demix.Separation.Pipeline;

namespace Demix.Web.Jobs;

/// <summary>A method or model offered on the page.</summary>
/// <param name="Name">What the client sends back: a method name, or <c>model-&lt;name&gt;</c>.</param>
public sealed record SeparationChoice(string Name, string Description, bool IsDefault);

/// <summary>
/// What the page may choose from: the classic methods of <see cref="MethodRegistry"/> and the models cached in
/// the <see cref="ModelStore"/> whose cards name a <c>vocals</c> target. A name from the client is only ever
/// compared with this list; a model is loaded from the card path the store found, never from client text.
/// </summary>
public sealed class SeparationChoices
{
    private readonly ModelStore? models;

    /// <summary>Offers the methods, and the models of <paramref name="models"/> when given.</summary>
    public SeparationChoices(ModelStore? models)
    {
        this.models = models;
    }

    /// <summary>Every choice, methods first.</summary>
    public IReadOnlyList<SeparationChoice> List()
    {
        var choices = MethodRegistry.Names
            .Select(name => new SeparationChoice(name, MethodRegistry.Describe(name), name == MethodRegistry.DefaultMethod)).ToList();
        foreach (var (name, card) in Models())
        {
            choices.Add(new SeparationChoice(ModelMethod.NamePrefix + name, $"{card.Family} model '{card.Name}' at {card.SampleRate} Hz", false));
        }
        return choices;
    }

    /// <summary>The canonical name of <paramref name="name"/> (case-insensitive), or null when it is not offered.</summary>
    public string? Find(string name) =>
        List().FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))?.Name;

    /// <summary>Creates the method <paramref name="name"/> (a name returned by <see cref="Find"/>).</summary>
    /// <exception cref="ArgumentException">The name is not offered.</exception>
    public ISeparationMethod Create(string name)
    {
        if (MethodRegistry.Contains(name)) return MethodRegistry.Create(name);
        foreach (var (modelName, _) in Models())
        {
            if (ModelMethod.NamePrefix + modelName == name) return ModelMethod.Create(models!.Load(models.FindCached(modelName)!));
        }
        throw new ArgumentException($"'{name}' is neither a method nor a cached model.", nameof(name));
    }

    private IEnumerable<(string Name, ModelCard Card)> Models()
    {
        if (models is null) yield break;
        foreach (string cardPath in models.CachedCards())
        {
            ModelCard? card = TryRead(cardPath);
            if (card is not null && card.Targets.Contains(Separation.StemNames.Vocals))
            {
                yield return (Path.GetFileName(cardPath)[..^ModelFile.CardExtension.Length], card);
            }
        }
    }

    private static ModelCard? TryRead(string cardPath)
    {
        try
        {
            return ModelCardJson.Read(cardPath);
        }
        catch (Exception e) when (e is ModelFileException or IOException or System.Text.Json.JsonException)
        {
            return null;   // a broken card is not offered
        }
    }
}
