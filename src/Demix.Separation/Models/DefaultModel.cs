using Demix.Engine.Io;

namespace Demix.Separation.Models;

/// <summary>
/// The model Demix ships: <c>models/default.safetensors</c> + <c>models/default.json</c> next to the executable
/// (<see cref="AppContext.BaseDirectory"/>), copied there by the build from the repository's <c>models/</c> folder.
/// <c>demix separate</c> uses it when neither <c>--model</c> nor <c>--method</c> is given.
/// </summary>
public static class DefaultModel
{
    /// <summary>The folder below the executable's that holds the default model.</summary>
    public const string FolderName = "models";

    /// <summary>File name of the default model without extension.</summary>
    public const string FileStem = "default";

    /// <summary>Where the default model is looked for: <c>&lt;executable folder&gt;/models</c>.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, FolderName);

    /// <summary>The card's path in <paramref name="folder"/> (default: <see cref="Folder"/>).</summary>
    public static string CardPath(string? folder = null) => Path.Combine(folder ?? Folder, FileStem + ModelFile.CardExtension);

    /// <summary>The weights' path in <paramref name="folder"/> (default: <see cref="Folder"/>).</summary>
    public static string WeightsPath(string? folder = null) => Path.Combine(folder ?? Folder, FileStem + ModelFile.WeightsExtension);

    /// <summary>Loads the default model from <paramref name="folder"/> (default: <see cref="Folder"/>).</summary>
    /// <exception cref="ModelFileException">A file is missing or cannot be read; the message names it and the way out.</exception>
    public static ISeparationModel Load(string? folder = null)
    {
        string card = CardPath(folder), weights = WeightsPath(folder);
        foreach (string path in new[] { card, weights })
        {
            if (!File.Exists(path)) throw new ModelFileException(path, "the default model file is missing. " + Remedy);
        }
        try
        {
            return ModelFile.Load(card);
        }
        catch (Exception e) when (e is IOException or WeightFileException or ArgumentException or InvalidDataException or FormatException)
        {
            string culprit = e is WeightFileException ? weights : card;
            throw new ModelFileException(culprit, $"the default model cannot be loaded ({e.Message}). {Remedy}", e);
        }
    }

    /// <summary>True when both files exist (says nothing about their content).</summary>
    public static bool IsPresent(string? folder = null) => File.Exists(CardPath(folder)) && File.Exists(WeightsPath(folder));

    private const string Remedy =
        "Reinstall Demix or restore models/default.json and models/default.safetensors beside the demix executable, " +
        "give a model with --model, or use a classic method: --method center.";
}
