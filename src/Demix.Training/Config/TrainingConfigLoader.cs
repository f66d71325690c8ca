using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Demix.Training.Config;

/// <summary>Reads and validates a <see cref="TrainingConfig"/> YAML file (camelCase keys; unknown keys are errors).</summary>
public static partial class TrainingConfigLoader
{
    /// <summary>The model families the trainer's switch knows.</summary>
    public static IReadOnlyList<string> Families { get; } = ["open-unmix", "unet", "drnn", "frame-transformer", "karaoke-cnn", "pix2pix"];

    /// <summary>Reads <paramref name="path"/>; relative data roots become relative to the file's folder.</summary>
    /// <exception cref="TrainingConfigException">Malformed YAML, an unknown key, or an invalid value (file and key named).</exception>
    public static TrainingConfig Load(string path) => Load(path, Path.GetDirectoryName(Path.GetFullPath(path))!);

    /// <summary>Reads <paramref name="path"/> resolving relative roots against <paramref name="folder"/> (a run's config copy).</summary>
    public static TrainingConfig Load(string path, string folder)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"The training config '{path}' does not exist.", path);
        TrainingConfig config = Parse(File.ReadAllText(path), path);
        foreach (SourceConfig source in config.Data.Sources.Append(config.Data.Validation).OfType<SourceConfig>())
            if (source.Root.Length > 0) source.Root = Path.GetFullPath(source.Root, folder);
        if (config.Data.Cache.Length > 0) config.Data.Cache = Path.GetFullPath(config.Data.Cache, folder);
        if (config.Model.InitFrom.Length > 0) config.Model.InitFrom = Path.GetFullPath(config.Model.InitFrom, folder);
        return config;
    }

    /// <summary>Parses YAML text; <paramref name="path"/> names the source in errors.</summary>
    public static TrainingConfig Parse(string yaml, string path)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        TrainingConfig? config;
        try
        {
            config = deserializer.Deserialize<TrainingConfig>(yaml);
        }
        catch (YamlException e)
        {
            throw new TrainingConfigException(path, KeyOf(e), $"line {e.Start.Line}, column {e.Start.Column}: {Innermost(e).Message}", e);
        }
        config ??= new TrainingConfig();
        TrainingConfigValidator.Validate(config, path);
        return config;
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

    private static string KeyOf(YamlException e)
    {
        Match match = PropertyPattern().Match(Innermost(e).Message + " " + e.Message);
        return match.Success ? match.Groups[1].Value : "(document)";
    }

    [GeneratedRegex("Property '([^']+)' not found")]
    private static partial Regex PropertyPattern();
}
