using Demix.Engine.Tensors;

namespace Demix.Engine.Nn;

/// <summary>
/// Batch normalisation over axis 1 with PyTorch's state: weight, bias, running_mean, running_var and
/// num_batches_tracked (kept as a float32 scalar buffer). Training mode normalises with batch statistics and
/// updates the running ones (momentum as PyTorch); eval mode uses the running statistics.
/// </summary>
public abstract class BatchNormBase : Layer
{
    private readonly int inputRankLow, inputRankHigh;

    private protected BatchNormBase(int features, float eps, float momentum, bool affine, int inputRankLow, int inputRankHigh)
    {
        Eps = eps;
        Momentum = momentum;
        this.inputRankLow = inputRankLow;
        this.inputRankHigh = inputRankHigh;
        if (affine)
        {
            Weight = RegisterParameter("weight", TensorFactory.Ones(features));
            Bias = RegisterParameter("bias", TensorFactory.Zeros(features));
        }
        RunningMean = RegisterBuffer("running_mean", TensorFactory.Zeros(features));
        RunningVar = RegisterBuffer("running_var", TensorFactory.Ones(features));
        BatchesTracked = RegisterBuffer("num_batches_tracked", TensorFactory.Scalar(0f));
    }

    /// <summary>Added to the variance.</summary>
    public float Eps { get; }

    /// <summary>Weight of the new batch statistics in the running ones.</summary>
    public float Momentum { get; }

    /// <summary>[C] or null.</summary>
    public Tensor? Weight { get; }

    /// <summary>[C] or null.</summary>
    public Tensor? Bias { get; }

    /// <summary>[C].</summary>
    public Tensor RunningMean { get; }

    /// <summary>[C] (updated with the unbiased batch variance).</summary>
    public Tensor RunningVar { get; }

    /// <summary>Scalar count of training batches seen.</summary>
    public Tensor BatchesTracked { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        if (input.Rank < inputRankLow || input.Rank > inputRankHigh)
        {
            throw new ArgumentException($"{GetType().Name} expects rank {inputRankLow}..{inputRankHigh}, got {input.ShapeText}.");
        }
        if (Training) BatchesTracked.Data[0] += 1f;
        return Tensor.BatchNorm(input, RunningMean, RunningVar, Weight, Bias, Training, Momentum, Eps);
    }
}

/// <summary>Batch norm of [N, C] or [N, C, L].</summary>
public sealed class BatchNorm1d(int features, float eps = 1e-5f, float momentum = 0.1f, bool affine = true)
    : BatchNormBase(features, eps, momentum, affine, 2, 3);

/// <summary>Batch norm of [N, C, H, W].</summary>
public sealed class BatchNorm2d(int features, float eps = 1e-5f, float momentum = 0.1f, bool affine = true)
    : BatchNormBase(features, eps, momentum, affine, 4, 4);
