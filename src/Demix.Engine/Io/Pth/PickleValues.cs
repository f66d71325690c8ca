namespace Demix.Engine.Io.Pth;

/// <summary>A Python tuple produced by the unpickler.</summary>
internal sealed record PickleTuple(object?[] Items)
{
    public int Count => Items.Length;

    public object? this[int index] => Items[index];
}

/// <summary>
/// A Python <c>dict</c> or <c>collections.OrderedDict</c>, keeping insertion order. <see cref="State"/>
/// holds what a BUILD opcode set on it (torch stores the <c>_metadata</c> attribute there).
/// </summary>
internal sealed class PickleDictionary
{
    private readonly List<KeyValuePair<object, object?>> entries = [];
    private readonly Dictionary<object, int> index = [];

    public IReadOnlyList<KeyValuePair<object, object?>> Entries => entries;

    public object? State { get; set; }

    /// <summary>Sets a key (str, int, float, bool or tuple of those); a repeated key replaces the value in place.</summary>
    public void Set(object key, object? value)
    {
        if (index.TryGetValue(key, out int position)) entries[position] = new(key, value);
        else
        {
            index[key] = entries.Count;
            entries.Add(new(key, value));
        }
    }
}

/// <summary>The Python globals a pickle may name; anything not in <see cref="AllowedGlobals"/> is refused.</summary>
internal enum PickleGlobal
{
    OrderedDict,
    RebuildTensorV2,
    RebuildParameter,
    Storage,
}

/// <summary>A reference to an allowed global; <see cref="StorageType"/> is set for the <c>torch.*Storage</c> classes.</summary>
internal sealed record PickleGlobalReference(PickleGlobal Kind, string QualifiedName, StoredElementType StorageType = StoredElementType.Float32);

/// <summary>
/// A storage named by a persistent id <c>('storage', type, key, location, numel[, view])</c>:
/// <paramref name="Key"/> finds its raw bytes; a legacy view starts <paramref name="ViewOffset"/> elements into it.
/// </summary>
internal sealed record StorageReference(string Key, StoredElementType ElementType, long ElementCount, long ViewOffset);

/// <summary>A tensor rebuilt by <c>torch._utils._rebuild_tensor_v2</c>: a strided view of a storage.</summary>
internal sealed record PickledTensor(StorageReference Storage, long StorageOffset, long[] Size, long[] Stride);
