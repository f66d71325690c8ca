namespace Demix.Training.Loop;

/// <summary>
/// The files of a run folder (<c>runs/&lt;name&gt;/</c>): the config copy and the folder its relative paths are
/// resolved against, the checkpoint, <c>log.csv</c>, <c>training.png</c>, <c>timing.txt</c> and <c>best/</c> (the exported model).
/// </summary>
public sealed class RunDirectory(string path)
{
    /// <summary>The folder.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The copy of the config.</summary>
    public string Config => Combine("config.yaml");

    /// <summary>The folder the config's relative roots are resolved against (the original config's folder).</summary>
    public string ConfigOrigin => Combine("config-origin.txt");

    /// <summary>The CSV log.</summary>
    public string Log => Combine("log.csv");

    /// <summary>The training plot.</summary>
    public string Plot => Combine("training.png");

    /// <summary>The CPU-time breakdown of the last session.</summary>
    public string Timing => Combine("timing.txt");

    /// <summary>The best model (safetensors + model card).</summary>
    public string Best => Combine("best");

    /// <summary>The default run folder of a config: <c>runs/&lt;name&gt;</c> in the current directory.</summary>
    public static string DefaultFor(string name) => System.IO.Path.GetFullPath(System.IO.Path.Combine("runs", name));

    /// <summary>Creates the folder and stores the config text and its origin folder (new runs only).</summary>
    public void Initialise(string configPath)
    {
        Directory.CreateDirectory(Path);
        File.Copy(configPath, Config, overwrite: true);
        File.WriteAllText(ConfigOrigin, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(configPath)));
    }

    /// <summary>The origin folder recorded by <see cref="Initialise"/> (the run folder when missing).</summary>
    public string Origin() => File.Exists(ConfigOrigin) ? File.ReadAllText(ConfigOrigin).Trim() : Path;

    private string Combine(string name) => System.IO.Path.Combine(Path, name);
}
