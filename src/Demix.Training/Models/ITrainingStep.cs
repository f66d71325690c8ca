using Demix.Engine.Optim;
using Demix.Training.Sampling;

namespace Demix.Training.Models;

/// <summary>An optimiser of a run and the checkpoint prefix its state is saved under (e.g. <c>optimizer.</c>).</summary>
public sealed record NamedOptimizer(string Prefix, Optimizer Optimizer);

/// <summary>The phases a step's CPU time is accounted to.</summary>
public enum StepPhase
{
    /// <summary>Forward passes and losses.</summary>
    Forward,

    /// <summary>Backward passes.</summary>
    Backward,

    /// <summary>Gradient clipping and parameter updates.</summary>
    Optimizer,
}

/// <summary>
/// How a family's parameters are optimised: its optimisers (all of them are checkpointed, so resume is exact) and one
/// training step. One network with one optimiser (<see cref="GradientStep"/>) or a GAN's two (<see cref="AdversarialStep"/>).
/// </summary>
public interface ITrainingStep
{
    /// <summary>Every optimiser with its checkpoint prefix (prefixes must not be prefixes of each other).</summary>
    IReadOnlyList<NamedOptimizer> Optimizers { get; }

    /// <summary>Runs one step on <paramref name="batch"/> at <paramref name="learningRate"/>; returns the loss to log.</summary>
    /// <param name="batch">The training batch.</param>
    /// <param name="learningRate">The scheduled rate of this step (every optimiser uses it).</param>
    /// <param name="lap">Called at the end of each phase: the CPU time since the previous call belongs to that phase.</param>
    double Run(Batch batch, float learningRate, Action<StepPhase> lap);
}
