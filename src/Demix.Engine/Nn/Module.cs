using Demix.Engine.Tensors;

namespace Demix.Engine.Nn;

/// <summary>
/// A container of parameters, buffers and submodules, registered explicitly under names that form PyTorch
/// state_dict keys: a parameter "weight" of a submodule "conv" inside "encoder.0" is "encoder.0.conv.weight".
/// Order follows PyTorch: a module's parameters, then its buffers, then each submodule in registration order.
/// </summary>
public abstract class Module
{
    private readonly List<(string Name, Tensor Tensor)> parameters = [];
    private readonly List<(string Name, Tensor Tensor)> buffers = [];
    private readonly List<(string Name, Module Module)> children = [];

    /// <summary>True in training mode (dropout active, batch norm uses batch statistics); new modules start in training mode.</summary>
    public bool Training { get; private set; } = true;

    /// <summary>Registers a submodule under <paramref name="name"/> and returns it.</summary>
    protected T Register<T>(string name, T module) where T : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        CheckName(name);
        children.Add((name, module));
        return module;
    }

    /// <summary>Registers a learnable tensor (it is set to require grad) and returns it.</summary>
    protected Tensor RegisterParameter(string name, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        CheckName(name);
        tensor.RequiresGrad = true;
        parameters.Add((name, tensor));
        return tensor;
    }

    /// <summary>Registers a non-learnable state tensor (running statistics, counters) and returns it.</summary>
    protected Tensor RegisterBuffer(string name, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        CheckName(name);
        buffers.Add((name, tensor));
        return tensor;
    }

    /// <summary>Every parameter with its full dotted name.</summary>
    public IEnumerable<(string Name, Tensor Tensor)> NamedParameters() => Walk(includeParameters: true, includeBuffers: false);

    /// <summary>Every buffer with its full dotted name.</summary>
    public IEnumerable<(string Name, Tensor Tensor)> NamedBuffers() => Walk(includeParameters: false, includeBuffers: true);

    /// <summary>Every parameter, in state_dict order.</summary>
    public IReadOnlyList<Tensor> Parameters() => NamedParameters().Select(p => p.Tensor).ToList();

    /// <summary>The direct submodules with their names.</summary>
    public IReadOnlyList<(string Name, Module Module)> Children => children;

    /// <summary>Total number of learnable scalars.</summary>
    public long ParameterCount() => NamedParameters().Sum(p => (long)p.Tensor.Length);

    /// <summary>Switches this module and all submodules to training (true) or evaluation (false) mode.</summary>
    public void Train(bool training = true)
    {
        var stack = new Stack<Module>([this]);
        while (stack.Count > 0)
        {
            var module = stack.Pop();
            module.Training = training;
            foreach (var (_, child) in module.children) stack.Push(child);
        }
    }

    /// <summary>Evaluation mode (same as Train(false)).</summary>
    public void Eval() => Train(false);

    /// <summary>Freezes (false) or unfreezes (true) every parameter, e.g. a GAN's discriminator during the generator step.</summary>
    public void SetRequiresGrad(bool requiresGrad)
    {
        foreach (var (_, tensor) in NamedParameters()) tensor.RequiresGrad = requiresGrad;
    }

    /// <summary>Drops the gradients of every parameter.</summary>
    public void ZeroGrad()
    {
        foreach (var (_, tensor) in NamedParameters()) tensor.ZeroGrad();
    }

    /// <summary>Parameters and buffers by full name, in PyTorch's state_dict order. The tensors are the live ones (not copies).</summary>
    public IReadOnlyList<KeyValuePair<string, Tensor>> StateDict() =>
        Walk(includeParameters: true, includeBuffers: true).Select(e => KeyValuePair.Create(e.Name, e.Tensor)).ToList();

    /// <summary>
    /// Copies values into the parameters and buffers. Shapes must match. With <paramref name="strict"/>, keys
    /// missing from <paramref name="state"/> or unknown to this module are an error listing all of them.
    /// </summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(state);
        var own = StateDict();
        var missing = own.Where(e => !state.ContainsKey(e.Key)).Select(e => e.Key).ToList();
        var ownKeys = own.Select(e => e.Key).ToHashSet();
        var unexpected = state.Keys.Where(k => !ownKeys.Contains(k)).ToList();
        if (strict && (missing.Count > 0 || unexpected.Count > 0))
        {
            throw new ArgumentException($"State dict does not fit {GetType().Name}: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", unexpected)}].");
        }
        foreach (var (name, tensor) in own)
        {
            if (!state.TryGetValue(name, out var source)) continue;
            if (source.Length != tensor.Length || (source.Rank != 0 && !ShapeMath.SameShape(source.Shape, tensor.Shape)))
            {
                throw new ArgumentException($"State dict entry '{name}' has shape {source.ShapeText}, the module expects {tensor.ShapeText}.");
            }
            source.Data.AsSpan().CopyTo(tensor.Data);
        }
    }

    private IEnumerable<(string Name, Tensor Tensor)> Walk(bool includeParameters, bool includeBuffers)
    {
        var result = new List<(string, Tensor)>();
        var stack = new Stack<(string Prefix, Module Module)>([("", this)]);
        while (stack.Count > 0)
        {
            var (prefix, module) = stack.Pop();
            if (includeParameters) foreach (var (name, t) in module.parameters) result.Add((prefix + name, t));
            if (includeBuffers) foreach (var (name, t) in module.buffers) result.Add((prefix + name, t));
            for (int i = module.children.Count - 1; i >= 0; i--) stack.Push((prefix + module.children[i].Name + ".", module.children[i].Module));
        }
        return result;
    }

    private void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.')) throw new ArgumentException($"Invalid name '{name}': it must be non-empty and contain no '.'.");
        if (parameters.Any(p => p.Name == name) || buffers.Any(b => b.Name == name) || children.Any(c => c.Name == name))
        {
            throw new ArgumentException($"'{name}' is already registered in {GetType().Name}.");
        }
    }
}

/// <summary>A module with one tensor in and one tensor out (what <see cref="Sequential"/> chains).</summary>
public abstract class Layer : Module
{
    /// <summary>Runs the layer.</summary>
    public abstract Tensor Forward(Tensor input);
}
