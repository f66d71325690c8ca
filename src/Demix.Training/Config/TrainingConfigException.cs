namespace Demix.Training.Config;

/// <summary>A training config that cannot be used: the message names the file, the key and the problem.</summary>
public sealed class TrainingConfigException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/> and <paramref name="key"/> (dotted, e.g. <c>training.maxSteps</c>).</summary>
    public TrainingConfigException(string path, string key, string problem, Exception? inner = null)
        : base($"{path}: '{key}': {problem}", inner)
    {
        Path = path;
        Key = key;
    }

    /// <summary>The config file.</summary>
    public string Path { get; }

    /// <summary>The offending key, dotted.</summary>
    public string Key { get; }
}
