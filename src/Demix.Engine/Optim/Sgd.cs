using System.Numerics.Tensors;
using Tensor = Demix.Engine.Tensors.Tensor;

namespace Demix.Engine.Optim;

/// <summary>
/// Stochastic gradient descent as PyTorch: g += wd p; with momentum, buf = g on the first step, then
/// buf = momentum buf + (1 - dampening) g; g = nesterov ? g + momentum buf : buf; p -= lr g.
/// </summary>
public sealed class Sgd : Optimizer
{
    private readonly float[]?[] momentumBuffers;

    /// <summary>Creates the optimiser.</summary>
    public Sgd(IEnumerable<Tensor> parameters, float learningRate, float momentum = 0f, float dampening = 0f, bool nesterov = false, float weightDecay = 0f)
        : base(parameters, learningRate)
    {
        if (nesterov && (momentum <= 0f || dampening != 0f)) throw new ArgumentException("Nesterov momentum needs momentum > 0 and no dampening.");
        Momentum = momentum;
        Dampening = dampening;
        Nesterov = nesterov;
        WeightDecay = weightDecay;
        momentumBuffers = new float[]?[Parameters.Count];
    }

    /// <summary>Momentum factor (0: plain SGD).</summary>
    public float Momentum { get; }

    /// <summary>Dampening of the gradient added to the momentum buffer.</summary>
    public float Dampening { get; }

    /// <summary>Nesterov momentum.</summary>
    public bool Nesterov { get; }

    /// <summary>L2 penalty added to the gradient.</summary>
    public float WeightDecay { get; }

    /// <inheritdoc/>
    public override void Step()
    {
        StepCount++;
        for (int i = 0; i < Parameters.Count; i++)
        {
            var p = Parameters[i];
            if (p.Grad is null) continue;
            var g = p.Grad.AsSpan();
            float[]? decayed = null;
            if (WeightDecay != 0f)
            {
                decayed = new float[g.Length];
                TensorPrimitives.MultiplyAdd(p.Data, WeightDecay, g, decayed);
                g = decayed;
            }
            if (Momentum != 0f) g = ApplyMomentum(i, g, decayed);
            TensorPrimitives.MultiplyAdd(g, -LearningRate, p.Data, p.Data);
        }
    }

    private Span<float> ApplyMomentum(int i, Span<float> g, float[]? scratch)
    {
        var buffer = momentumBuffers[i];
        if (buffer is null) buffer = momentumBuffers[i] = g.ToArray();
        else
        {
            TensorPrimitives.Multiply(buffer, Momentum, buffer);
            TensorPrimitives.MultiplyAdd(g, 1f - Dampening, buffer, buffer);
        }
        if (!Nesterov) return buffer;
        var result = scratch ?? new float[g.Length];
        TensorPrimitives.MultiplyAdd(buffer, Momentum, g, result);
        return result;
    }

    private protected override IEnumerable<(string Name, float[]?[] PerParameter)> StateBuffers() => [("momentum_buffer", momentumBuffers)];
}
