using System.Text.Json;
using System.Text.Json.Serialization;

namespace Demix.Separation.Models;

/// <summary>Reads and writes model cards with source-generated (reflection-free) JSON.</summary>
public static class ModelCardJson
{
    /// <summary>The Demix version written into new cards.</summary>
    public static string DemixVersion { get; } = typeof(ModelCardJson).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Serialises <paramref name="card"/> as indented JSON.</summary>
    public static string Serialize(ModelCard card) => JsonSerializer.Serialize(card, ModelJsonContext.Default.ModelCard);

    /// <summary>Parses a card; <paramref name="path"/> names the file in error messages.</summary>
    /// <exception cref="ModelFileException">The JSON is malformed or lacks a required field.</exception>
    public static ModelCard Deserialize(string json, string path)
    {
        try
        {
            ModelCard card = JsonSerializer.Deserialize(json, ModelJsonContext.Default.ModelCard)
                ?? throw new ModelFileException(path, "the model card is empty (null).");
            if (card.FormatVersion > ModelCard.CurrentFormatVersion)
            {
                throw new ModelFileException(path, $"card format version {card.FormatVersion} is newer than this Demix reads ({ModelCard.CurrentFormatVersion}).");
            }
            return card;
        }
        catch (JsonException e)
        {
            throw new ModelFileException(path, $"the model card is not valid: {e.Message}", e);
        }
    }

    /// <summary>Reads a card file.</summary>
    public static ModelCard Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Model card '{path}' does not exist.", path);
        return Deserialize(File.ReadAllText(path), path);
    }

    /// <summary>Writes a card file atomically (temporary file, then rename).</summary>
    public static void Write(ModelCard card, string path) => AtomicFile.WriteAllText(path, Serialize(card));

    /// <summary>Turns a family's typed hyper-parameters into the card's JSON object.</summary>
    public static JsonElement ToElement<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.SerializeToElement(value, typeInfo);

    /// <summary>Reads a family's typed hyper-parameters from <paramref name="card"/>.</summary>
    /// <exception cref="ModelFileException">The object does not fit the family's record.</exception>
    public static T FromElement<T>(ModelCard card, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        if (card.HyperParameters.ValueKind != JsonValueKind.Object)
        {
            throw new ModelFileException(card.Name, $"the card of family '{card.Family}' has no hyperParameters object.");
        }
        try
        {
            return card.HyperParameters.Deserialize(typeInfo) ?? throw new ModelFileException(card.Name, "hyperParameters is null.");
        }
        catch (JsonException e)
        {
            throw new ModelFileException(card.Name, $"hyperParameters do not fit family '{card.Family}': {e.Message}", e);
        }
    }
}

/// <summary>The source-generated serialiser of the model card types (camelCase, enums as strings).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ModelCard))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
