using Demix.Engine.Io;
using Demix.Engine.Io.Safetensors;

namespace Demix.Separation.Models;

/// <summary>
/// Saves and loads the Demix model format: <c>&lt;name&gt;.safetensors</c> (F32 weights, state-dict keys) beside
/// <c>&lt;name&gt;.json</c> (the <see cref="ModelCard"/>). Loading needs only a path: the card names the family.
/// </summary>
public static class ModelFile
{
    /// <summary>Card file extension.</summary>
    public const string CardExtension = ".json";

    /// <summary>Weights file extension.</summary>
    public const string WeightsExtension = ".safetensors";

    /// <summary>Writes <paramref name="model"/> into <paramref name="folder"/> as <c>&lt;card name&gt;.safetensors/.json</c>.</summary>
    /// <returns>The card's path.</returns>
    public static string Save(ISeparationModel model, string folder)
    {
        ArgumentNullException.ThrowIfNull(model);
        Directory.CreateDirectory(folder);
        string stem = Path.Combine(folder, model.Card.Name);
        var metadata = new Dictionary<string, string> { ["format"] = "pt", ["family"] = model.Card.Family };
        SafetensorsWriter.Write(stem + WeightsExtension, model.ExportWeights(), metadata);
        ModelCardJson.Write(model.Card, stem + CardExtension);   // the card last: a card always has its weights
        return stem + CardExtension;
    }

    /// <summary>
    /// Loads a model from its card (<c>.json</c>), its weights (<c>.safetensors</c>, the card beside it) or a folder
    /// holding exactly one card.
    /// </summary>
    /// <exception cref="FileNotFoundException">The path, the card or the weights do not exist.</exception>
    /// <exception cref="ModelFileException">The card or the weights are malformed or do not fit the family.</exception>
    public static ISeparationModel Load(string path)
    {
        string cardPath = CardPath(path);
        ModelCard card = ModelCardJson.Read(cardPath);
        string weightsPath = Path.ChangeExtension(cardPath, WeightsExtension);
        if (!File.Exists(weightsPath))
        {
            throw new FileNotFoundException($"{cardPath}: the weights file '{weightsPath}' is missing.", weightsPath);
        }
        return ModelFamilies.Load(card, SafetensorsReader.Read(weightsPath), cardPath);
    }

    /// <summary>The card file that <paramref name="path"/> (card, weights or folder) designates.</summary>
    public static string CardPath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            string[] cards = Directory.GetFiles(path, "*" + CardExtension)
                .Where(c => File.Exists(Path.ChangeExtension(c, WeightsExtension))).ToArray();
            return cards.Length == 1 ? cards[0]
                : throw new ModelFileException(path, cards.Length == 0
                    ? "the folder holds no model (a <name>.json card beside <name>.safetensors)."
                    : $"the folder holds {cards.Length} models; name one of: {string.Join(", ", cards.Select(Path.GetFileName))}.");
        }
        if (path.EndsWith(WeightsExtension, StringComparison.OrdinalIgnoreCase)) return Path.ChangeExtension(path, CardExtension);
        if (path.EndsWith(CardExtension, StringComparison.OrdinalIgnoreCase)) return path;
        throw new ModelFileException(path, "not a model: give a <name>.json card, its <name>.safetensors or a folder holding them.");
    }
}
