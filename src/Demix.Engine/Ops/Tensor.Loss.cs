using Demix.Engine.Autograd;

namespace Demix.Engine.Tensors;

/// <summary>Losses with mean reduction (0-d results); gradients flow to the prediction and the target.</summary>
public sealed partial class Tensor
{
    /// <summary>mean((input - target)^2).</summary>
    public static Tensor MseLoss(Tensor input, Tensor target) => (input - target).Square().Mean();

    /// <summary>mean(|input - target|).</summary>
    public static Tensor L1Loss(Tensor input, Tensor target) => (input - target).Abs().Mean();

    /// <summary>
    /// mean(weight * (max(x, 0) - x t + log(1 + e^-|x|))): binary cross-entropy on logits x (numerically stable).
    /// target t in [0, 1], same shape as x; weight (same shape, or null) is a constant.
    /// </summary>
    public static Tensor BceWithLogitsLoss(Tensor logits, Tensor target, Tensor? weight = null)
    {
        if (!ShapeMath.SameShape(logits.Shape, target.Shape)) throw new ArgumentException($"BCE: logits {logits.ShapeText} and target {target.ShapeText} differ.");
        if (weight is not null && weight.Length != logits.Length) throw new ArgumentException($"BCE: weight {weight.ShapeText} does not match {logits.ShapeText}.");
        int count = logits.Length;
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            float x = logits.Data[i], t = target.Data[i];
            double term = Math.Max(x, 0) - (double)x * t + Math.Log(1 + Math.Exp(-Math.Abs(x)));
            sum += (weight?.Data[i] ?? 1f) * term;
        }
        var output = new Tensor([], [(float)(sum / count)]);
        if (GradMode.IsRecording(logits, target))
        {
            output.SetBackward([logits, target], grad =>
            {
                float scale = grad[0] / count;
                // dL/dx = w (sigmoid(x) - t) / n; dL/dt = -w x / n
                var dx = logits.RequiresGrad ? new float[count] : null;
                var dt = target.RequiresGrad ? new float[count] : null;
                for (int i = 0; i < count; i++)
                {
                    float w = (weight?.Data[i] ?? 1f) * scale, x = logits.Data[i];
                    if (dx is not null) dx[i] = w * (1f / (1f + MathF.Exp(-x)) - target.Data[i]);
                    if (dt is not null) dt[i] = -w * x;
                }
                if (dx is not null) logits.AccumulateGradOwned(dx);
                if (dt is not null) target.AccumulateGradOwned(dt);
            });
        }
        return output;
    }

    /// <summary>Inverted dropout: zeroes each element with probability p and scales the rest by 1 / (1 - p); identity when not training.</summary>
    public Tensor Dropout(float probability, Random random, bool training = true)
    {
        if (probability < 0f || probability >= 1f) throw new ArgumentOutOfRangeException(nameof(probability), "Dropout probability must be in [0, 1).");
        if (!training || probability == 0f) return this;
        // One 16-bit uniform draw per element (p is resolved to 1/65536): NextBytes is far cheaper than NextDouble.
        var bits = new byte[2 * Length];
        random.NextBytes(bits);
        var draws = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(bits);
        int threshold = (int)Math.Round(probability * 65536.0);
        var mask = Buffers.Uninitialized(Length);
        float keep = 1f / (1f - probability);
        for (int i = 0; i < mask.Length; i++) mask[i] = draws[i] >= threshold ? keep : 0f;
        return this * new Tensor(Shape, mask);
    }
}
