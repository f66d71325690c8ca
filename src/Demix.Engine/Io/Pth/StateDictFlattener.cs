namespace Demix.Engine.Io.Pth;

/// <summary>
/// Lists the tensors of an unpickled object as (name, tensor) pairs in insertion order. The root
/// must be a dict; nested dicts (e.g. <c>{"state_dict": {...}}</c>) contribute their tensors under
/// <c>outer.inner</c> names. Values that are not tensors (ints, strings, lists) are skipped.
/// </summary>
internal static class StateDictFlattener
{
    public static List<(string Name, PickledTensor Tensor)> Flatten(object? root, string file)
    {
        if (root is not PickleDictionary dictionary)
            throw new WeightFileException(file, $"the pickled object is a {Describe(root)}, not a state dict (a dict of tensors)");
        var result = new List<(string, PickledTensor)>();
        var pending = new Stack<(string Prefix, PickleDictionary Dictionary, int Next)>();
        pending.Push(("", dictionary, 0));
        while (pending.Count > 0)
        {
            var (prefix, current, next) = pending.Pop();
            for (int i = next; i < current.Entries.Count; i++)
            {
                var (key, value) = current.Entries[i];
                string name = prefix + Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture);
                if (value is PickledTensor tensor) result.Add((name, tensor));
                else if (value is PickleDictionary inner)
                {
                    if (pending.Count > 64) throw new WeightFileException(file, "dicts are nested more than 64 deep");
                    pending.Push((prefix, current, i + 1));
                    pending.Push((name + ".", inner, 0));
                    break;
                }
            }
        }
        return result;
    }

    private static string Describe(object? value) => value switch
    {
        null => "None",
        PickledTensor => "single tensor",
        PickleTuple => "tuple",
        List<object?> => "list",
        _ => value.GetType().Name,
    };
}
