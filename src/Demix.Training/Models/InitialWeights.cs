using Demix.Engine.Io;
using Demix.Engine.Io.Safetensors;
using Demix.Engine.Nn;

namespace Demix.Training.Models;

/// <summary>
/// <c>model.initFrom</c>: starts a fresh run from the weights of an earlier one (S4's synthetic stage from its
/// voice+noise stage). Reads an exported model (the network's state dict) or a run checkpoint (<c>model.*</c> entries).
/// </summary>
public static class InitialWeights
{
    private const string CheckpointPrefix = "model.";

    /// <summary>Copies the weights in <paramref name="path"/> into <paramref name="network"/> (every key, every shape).</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="InvalidDataException">The file does not fit the network (names the file and the key).</exception>
    public static void Load(string path, Module network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (!File.Exists(path)) throw new FileNotFoundException($"model.initFrom: '{path}' does not exist (train the first stage, or fix the path).", path);
        NamedTensorSet file = SafetensorsReader.Read(path);
        bool checkpoint = file.Any(t => t.Name.StartsWith(CheckpointPrefix, StringComparison.Ordinal));
        IEnumerable<NamedTensorData> weights = checkpoint
            ? file.Where(t => t.Name.StartsWith(CheckpointPrefix, StringComparison.Ordinal)).Select(t => t with { Name = t.Name[CheckpointPrefix.Length..] })
            : file;
        try
        {
            network.LoadStateDict(new NamedTensorSet(path, weights), strict: true);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"model.initFrom: '{path}' does not fit the model of this config (same family and sizes needed): {e.Message}", e);
        }
    }
}
