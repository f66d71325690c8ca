namespace Demix.Engine.Io.Pth;

/// <summary>
/// What REDUCE and BINPERSID mean for the allowed globals, implemented by hand: an empty
/// <c>OrderedDict()</c>, <c>_rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks[, metadata])</c>,
/// <c>_rebuild_parameter(tensor, requires_grad, hooks)</c> and the persistent id of a storage.
/// </summary>
internal static class PickleCalls
{
    /// <summary>Applies an allowed global to its arguments.</summary>
    public static object Call(PickleGlobalReference callable, PickleTuple arguments, PickleInput input) => callable.Kind switch
    {
        PickleGlobal.OrderedDict when arguments.Count == 0 => new PickleDictionary(),
        PickleGlobal.RebuildTensorV2 => RebuildTensor(arguments, input),
        PickleGlobal.RebuildParameter when arguments.Count >= 1 && arguments[0] is PickledTensor tensor => tensor,
        _ => throw input.Error($"calling {callable.QualifiedName} with {arguments.Count} arguments is not allowed"),
    };

    /// <summary>
    /// Turns a persistent id <c>('storage', storage_type, key, location, numel)</c> (zip format) or
    /// <c>('storage', storage_type, root_key, location, root_numel, view_metadata)</c> (legacy format,
    /// view_metadata = None or (view_key, offset, view_numel)) into a <see cref="StorageReference"/>.
    /// </summary>
    public static StorageReference PersistentLoad(object? id, PickleInput input)
    {
        if (id is not PickleTuple { Count: 5 or 6 } tuple || tuple[0] is not "storage")
            throw input.Error("a persistent id is not a ('storage', ...) tuple");
        if (tuple[1] is not PickleGlobalReference { Kind: PickleGlobal.Storage } type)
            throw input.Error("a persistent id does not name an allowed torch storage type");
        if (tuple[2] is not string key || tuple[3] is not string || tuple[4] is not long count || count < 0)
            throw input.Error("a persistent id has a malformed key, location or element count");
        long viewOffset = 0;
        if (tuple.Count == 6 && tuple[5] is not null)
        {
            if (tuple[5] is not PickleTuple { Count: 3 } view || view[1] is not long offset || view[2] is not long viewCount
                || offset < 0 || viewCount < 0 || offset + viewCount > count)
                throw input.Error("a persistent id has malformed view metadata");
            viewOffset = offset;
        }
        return new StorageReference(key, type.StorageType, count, viewOffset);
    }

    private static PickledTensor RebuildTensor(PickleTuple arguments, PickleInput input)
    {
        if (arguments.Count is < 6 or > 7 || arguments[0] is not StorageReference storage || arguments[1] is not long offset
            || arguments[2] is not PickleTuple size || arguments[3] is not PickleTuple stride || arguments[4] is not bool)
            throw input.Error("_rebuild_tensor_v2 has unexpected arguments");
        long[] sizes = Longs(size, "size", input);
        long[] strides = Longs(stride, "stride", input);
        if (sizes.Length != strides.Length) throw input.Error("a tensor's size and stride have different lengths");
        if (offset < 0) throw input.Error("a tensor has a negative storage offset");
        return new PickledTensor(storage, storage.ViewOffset + offset, sizes, strides);
    }

    private static long[] Longs(PickleTuple tuple, string what, PickleInput input)
    {
        var values = new long[tuple.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = tuple[i] is long value && value >= 0 ? value : throw input.Error($"a tensor {what} holds something other than a non-negative int");
        }
        return values;
    }
}
