namespace Demix.Separation.Models.Seeds;

/// <summary>The output conventions of the seed systems, as presets of <c>demix separate</c>.</summary>
public enum SeedPreset
{
    /// <summary>
    /// S2's convention: the song is separated in mono; <c>&lt;song&gt;_src1</c> (the model's first stem, vocals for a DRNN),
    /// <c>&lt;song&gt;_src2</c> (its second stem) and <c>&lt;song&gt;_mono</c> (the mono mixture that was separated).
    /// </summary>
    Drnn,

    /// <summary>S4's convention: <c>&lt;song&gt;_pred</c> (the predicted vocals) and <c>&lt;song&gt;_karaoke</c> (everything else).</summary>
    Karaoke,
}

/// <summary>Applies a <see cref="SeedPreset"/> to a loaded model.</summary>
public static class SeedPresets
{
    /// <summary>Output file pattern of the presets: <c>&lt;song&gt;_&lt;stem&gt;.&lt;ext&gt;</c> in the output folder.</summary>
    public const string NamePattern = "{track}_{stem}.{ext}";

    /// <summary>Parses <c>drnn</c> or <c>karaoke</c> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Any other name.</exception>
    public static SeedPreset Parse(string name) => name.ToLowerInvariant() switch
    {
        "drnn" => SeedPreset.Drnn,
        "karaoke" => SeedPreset.Karaoke,
        _ => throw new ArgumentException($"unknown preset '{name}'; choose drnn or karaoke."),
    };

    /// <summary>The model with the preset's stems and separation.</summary>
    /// <exception cref="ArgumentException">The model does not have the two stems the preset needs.</exception>
    public static ISeparationModel Apply(SeedPreset preset, ISeparationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Stems.Count != 2)
        {
            throw new ArgumentException($"preset {preset} needs a model with two stems; '{model.Card.Name}' has {model.Stems.Count} ({string.Join(", ", model.Stems)}).");
        }
        return preset == SeedPreset.Drnn
            ? new PresetModel(model, ["src1", "src2", "mono"], monoMixture: true)
            : new PresetModel(model, model.Stems[0] == StemNames.Vocals ? ["pred", "karaoke"] : ["karaoke", "pred"], monoMixture: false);
    }
}
