using Demix.Engine.Tensors;

namespace Demix.Engine.Optim;

/// <summary>
/// Adam (Kingma and Ba) with PyTorch's update: m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
/// p -= lr / (1 - b1^k) * m / (sqrt(v) / sqrt(1 - b2^k) + eps). Weight decay is either L2 (added to g, Adam) or
/// decoupled (p *= 1 - lr wd before the update, AdamW).
/// </summary>
public class Adam : Optimizer
{
    private readonly float[]?[] firstMoments;
    private readonly float[]?[] secondMoments;

    /// <summary>Adam with optional L2 weight decay.</summary>
    public Adam(IEnumerable<Tensor> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float eps = 1e-8f, float weightDecay = 0f)
        : this(parameters, learningRate, beta1, beta2, eps, weightDecay, decoupled: false)
    {
    }

    private protected Adam(IEnumerable<Tensor> parameters, float learningRate, float beta1, float beta2, float eps, float weightDecay, bool decoupled)
        : base(parameters, learningRate)
    {
        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
        WeightDecay = weightDecay;
        DecoupledWeightDecay = decoupled;
        firstMoments = new float[]?[Parameters.Count];
        secondMoments = new float[]?[Parameters.Count];
    }

    /// <summary>Decay of the first moment.</summary>
    public float Beta1 { get; }

    /// <summary>Decay of the second moment.</summary>
    public float Beta2 { get; }

    /// <summary>Added to the bias-corrected root of the second moment.</summary>
    public float Eps { get; }

    /// <summary>Weight decay factor.</summary>
    public float WeightDecay { get; }

    /// <summary>True for AdamW's decoupled decay.</summary>
    public bool DecoupledWeightDecay { get; }

    /// <inheritdoc/>
    public override void Step()
    {
        StepCount++;
        double correction1 = 1 - Math.Pow(Beta1, StepCount);
        double correction2Root = Math.Sqrt(1 - Math.Pow(Beta2, StepCount));
        float stepSize = (float)(LearningRate / correction1);
        float b1 = Beta1, b2 = Beta2, lr = LearningRate, wd = WeightDecay, eps = Eps;
        for (int i = 0; i < Parameters.Count; i++)
        {
            var p = Parameters[i];
            if (p.Grad is null) continue;
            var m = firstMoments[i] ??= new float[p.Length];
            var v = secondMoments[i] ??= new float[p.Length];
            var data = p.Data;
            var grad = p.Grad;
            for (int j = 0; j < data.Length; j++)
            {
                float g = grad[j];
                if (wd != 0f)
                {
                    if (DecoupledWeightDecay) data[j] *= 1f - lr * wd;
                    else g += wd * data[j];
                }
                m[j] = b1 * m[j] + (1f - b1) * g;
                v[j] = b2 * v[j] + (1f - b2) * g * g;
                float denominator = (float)(MathF.Sqrt(v[j]) / correction2Root) + eps;
                data[j] -= stepSize * m[j] / denominator;
            }
        }
    }

    private protected override IEnumerable<(string Name, float[]?[] PerParameter)> StateBuffers() =>
        [("exp_avg", firstMoments), ("exp_avg_sq", secondMoments)];
}

/// <summary>AdamW (Loshchilov and Hutter): Adam with decoupled weight decay, PyTorch defaults (weight decay 0.01).</summary>
public sealed class AdamW(IEnumerable<Tensor> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float eps = 1e-8f, float weightDecay = 0.01f)
    : Adam(parameters, learningRate, beta1, beta2, eps, weightDecay, decoupled: true);
