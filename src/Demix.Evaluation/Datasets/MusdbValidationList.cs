using YamlDotNet.RepresentationModel;

namespace Demix.Evaluation.Datasets;

/// <summary>MUSDB18's validation tracks, from the <c>validation_tracks</c> list of <c>musdb_config_mus.yaml</c>.</summary>
public static class MusdbValidationList
{
    /// <summary>The 14 tracks of the musdb package's configuration (used when no YAML file is found).</summary>
    public static IReadOnlyList<string> Standard { get; } =
    [
        "Actions - One Minute Smile", "Clara Berry And Wooldog - Waltz For My Victims", "Johnny Lokke - Promises & Lies",
        "Patrick Talbot - A Reason To Leave", "Triviul - Angelsaint", "Alexander Ross - Goodbye Bolero",
        "Fergessen - Nos Palpitants", "Leaf - Summerghost", "Skelpolu - Human Mistakes", "Young Griffo - Pennies",
        "ANiMAL - Rockshow", "James May - On The Line", "Meaxic - Take A Step", "Traffic Experiment - Sirens",
    ];

    /// <summary>Reads <c>validation_tracks</c> from a musdb YAML configuration.</summary>
    /// <exception cref="FormatException">The file has no <c>validation_tracks</c> list; the message names the file.</exception>
    public static IReadOnlyList<string> Load(string yamlPath)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(yamlPath)) stream.Load(reader);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("validation_tracks"), out YamlNode? node) || node is not YamlSequenceNode list)
            throw new FormatException($"'{yamlPath}' has no 'validation_tracks' list.");
        return list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToArray();
    }

    /// <summary>The list from <c>musdb_config_mus.yaml</c> in <paramref name="root"/> or its parent, else <see cref="Standard"/>.</summary>
    public static IReadOnlyList<string> Find(string root)
    {
        foreach (string folder in new[] { root, Path.GetDirectoryName(Path.GetFullPath(root)) ?? root })
        {
            string path = Path.Combine(folder, "musdb_config_mus.yaml");
            if (File.Exists(path)) return Load(path);
        }
        return Standard;
    }
}
