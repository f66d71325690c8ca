using Demix.Engine.Io;
using Demix.Engine.Tensors;

namespace Demix.Engine.Nn;

/// <summary>Moves module state to and from the weight-file readers' <see cref="NamedTensorSet"/>.</summary>
public static class StateDictConversion
{
    /// <summary>Loads a weight file's tensors (e.g. from SafetensorsReader or PthReader) into the module.</summary>
    public static void LoadStateDict(this Module module, NamedTensorSet tensors, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(tensors);
        var state = tensors.ToDictionary(t => t.Name, t => new Tensor(t.Shape, t.Data));
        module.LoadStateDict(state, strict);
    }

    /// <summary>The module's state dict as named arrays (copies), ready for SafetensorsWriter.</summary>
    public static IReadOnlyList<NamedTensorData> ToNamedTensors(this Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return module.StateDict().Select(e => new NamedTensorData(e.Key, (int[])e.Value.Shape.Clone(), (float[])e.Value.Data.Clone())).ToList();
    }
}
