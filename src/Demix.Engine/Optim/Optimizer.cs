using Demix.Engine.Tensors;

namespace Demix.Engine.Optim;

/// <summary>
/// Base of the optimisers: a list of parameters updated in place from their gradients by <see cref="Step"/>.
/// Parameters without a gradient are skipped (PyTorch behaviour). The per-parameter state is exportable for
/// checkpoints and exact resumption.
/// </summary>
public abstract class Optimizer
{
    private protected Optimizer(IEnumerable<Tensor> parameters, float learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters.ToList();
        if (Parameters.Any(p => !p.RequiresGrad)) throw new ArgumentException("Every optimised tensor must require grad.");
        if (learningRate < 0) throw new ArgumentOutOfRangeException(nameof(learningRate), "The learning rate must not be negative.");
        LearningRate = learningRate;
        InitialLearningRate = learningRate;
    }

    /// <summary>The optimised tensors, in order (state keys use their index).</summary>
    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>Current learning rate (schedulers change it).</summary>
    public float LearningRate { get; set; }

    /// <summary>The learning rate given at construction (schedulers scale from it).</summary>
    public float InitialLearningRate { get; }

    /// <summary>Number of steps taken.</summary>
    public int StepCount { get; private protected set; }

    /// <summary>Updates every parameter that has a gradient.</summary>
    public abstract void Step();

    /// <summary>Drops every parameter's gradient.</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters) p.ZeroGrad();
    }

    /// <summary>A deep copy of the state: step count, learning rate and every buffer, keyed "name.index" (e.g. "exp_avg.0").</summary>
    public OptimizerState ExportState()
    {
        var buffers = new SortedDictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var (name, perParameter) in StateBuffers())
        {
            for (int i = 0; i < perParameter.Length; i++)
            {
                if (perParameter[i] is { } buffer) buffers[$"{name}.{i}"] = (float[])buffer.Clone();
            }
        }
        return new OptimizerState(StepCount, LearningRate, buffers);
    }

    /// <summary>Restores a state from <see cref="ExportState"/> of an optimiser of the same kind over the same parameters.</summary>
    public void ImportState(OptimizerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        StepCount = state.StepCount;
        LearningRate = state.LearningRate;
        foreach (var (name, perParameter) in StateBuffers())
        {
            for (int i = 0; i < perParameter.Length; i++)
            {
                if (!state.Buffers.TryGetValue($"{name}.{i}", out var buffer)) perParameter[i] = null;
                else if (buffer.Length != Parameters[i].Length) throw new ArgumentException($"Optimizer state '{name}.{i}' has {buffer.Length} values, parameter {i} has {Parameters[i].Length}.");
                else perParameter[i] = (float[])buffer.Clone();
            }
        }
    }

    /// <summary>The named per-parameter buffers (entries null until first used).</summary>
    private protected abstract IEnumerable<(string Name, float[]?[] PerParameter)> StateBuffers();
}

