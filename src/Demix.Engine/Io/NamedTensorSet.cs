namespace Demix.Engine.Io;

/// <summary>
/// The tensors of one weight file in file order, with lookup by name and the file's string metadata
/// (safetensors <c>__metadata__</c>; empty for other formats).
/// </summary>
public sealed class NamedTensorSet : IReadOnlyList<NamedTensorData>
{
    private readonly List<NamedTensorData> tensors;
    private readonly Dictionary<string, NamedTensorData> byName;

    /// <summary>Collects the tensors; names must be unique.</summary>
    /// <param name="source">The file they came from (used in error messages).</param>
    public NamedTensorSet(string source, IEnumerable<NamedTensorData> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        Source = source;
        this.tensors = [.. tensors];
        byName = new Dictionary<string, NamedTensorData>(this.tensors.Count, StringComparer.Ordinal);
        foreach (var tensor in this.tensors)
        {
            if (!byName.TryAdd(tensor.Name, tensor)) throw new WeightFileException(source, $"tensor '{tensor.Name}' appears twice");
        }
        Metadata = metadata ?? new Dictionary<string, string>();
    }

    /// <summary>The file (or stream name) the tensors were read from.</summary>
    public string Source { get; }

    /// <summary>String-to-string metadata stored with the tensors.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The tensor names in file order.</summary>
    public IEnumerable<string> Names => tensors.Select(t => t.Name);

    /// <inheritdoc/>
    public int Count => tensors.Count;

    /// <inheritdoc/>
    public NamedTensorData this[int index] => tensors[index];

    /// <summary>The tensor with this name; throws <see cref="KeyNotFoundException"/> naming the file when absent.</summary>
    public NamedTensorData this[string name] =>
        byName.TryGetValue(name, out var tensor)
            ? tensor
            : throw new KeyNotFoundException($"{Source}: no tensor named '{name}' (the file has {Count} tensors).");

    /// <summary>Whether a tensor with this name exists.</summary>
    public bool Contains(string name) => byName.ContainsKey(name);

    /// <summary>Looks a tensor up by name.</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out NamedTensorData tensor) =>
        byName.TryGetValue(name, out tensor);

    /// <inheritdoc/>
    public IEnumerator<NamedTensorData> GetEnumerator() => tensors.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
