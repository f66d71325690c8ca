namespace Demix.Engine.Io.Pth;

/// <summary>
/// The explicit allow-list of Python globals a weight pickle may name. Nothing is looked up by
/// reflection: a name maps to a <see cref="PickleGlobalReference"/> that the unpickler interprets
/// itself, and every other name is refused.
/// </summary>
internal static class AllowedGlobals
{
    private static readonly Dictionary<string, PickleGlobalReference> map = new(StringComparer.Ordinal)
    {
        ["collections.OrderedDict"] = new(PickleGlobal.OrderedDict, "collections.OrderedDict"),
        ["torch._utils._rebuild_tensor_v2"] = new(PickleGlobal.RebuildTensorV2, "torch._utils._rebuild_tensor_v2"),
        ["torch._utils._rebuild_parameter"] = new(PickleGlobal.RebuildParameter, "torch._utils._rebuild_parameter"),
        ["torch.FloatStorage"] = Storage("torch.FloatStorage", StoredElementType.Float32),
        ["torch.DoubleStorage"] = Storage("torch.DoubleStorage", StoredElementType.Float64),
        ["torch.HalfStorage"] = Storage("torch.HalfStorage", StoredElementType.Float16),
        ["torch.BFloat16Storage"] = Storage("torch.BFloat16Storage", StoredElementType.BFloat16),
        ["torch.LongStorage"] = Storage("torch.LongStorage", StoredElementType.Int64),
        ["torch.IntStorage"] = Storage("torch.IntStorage", StoredElementType.Int32),
        ["torch.ShortStorage"] = Storage("torch.ShortStorage", StoredElementType.Int16),
        ["torch.CharStorage"] = Storage("torch.CharStorage", StoredElementType.Int8),
        ["torch.ByteStorage"] = Storage("torch.ByteStorage", StoredElementType.UInt8),
        ["torch.BoolStorage"] = Storage("torch.BoolStorage", StoredElementType.Bool),
    };

    /// <summary>Finds <c>module.name</c> in the allow-list.</summary>
    public static bool TryGet(string module, string name, out PickleGlobalReference reference) =>
        map.TryGetValue(module + "." + name, out reference!);

    /// <summary>The allowed names, for error messages.</summary>
    public static string Describe() => string.Join(", ", map.Keys);

    private static PickleGlobalReference Storage(string name, StoredElementType type) => new(PickleGlobal.Storage, name, type);
}
