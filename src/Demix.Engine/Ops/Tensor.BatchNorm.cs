using System.Numerics.Tensors;
using Demix.Engine.Autograd;

namespace Demix.Engine.Tensors;

/// <summary>Batch normalisation over [N, C, *] per channel, training (batch statistics) and eval (running statistics).</summary>
public sealed partial class Tensor
{
    /// <summary>
    /// y = (x - mean_c) / sqrt(var_c + eps) * weight_c + bias_c, x: [N, C] or [N, C, *].
    /// Training: mean and biased variance of the batch (over N and every position), and the running statistics
    /// are updated in place: running = (1 - momentum) running + momentum * batch (the variance unbiased, n/(n-1)).
    /// Eval: the running statistics are constants.
    /// </summary>
    /// <param name="runningMean">[C] buffer (may be null in training mode only).</param>
    /// <param name="runningVar">[C] buffer (may be null in training mode only).</param>
    /// <param name="weight">[C] scale or null (1).</param>
    /// <param name="bias">[C] shift or null (0).</param>
    public static Tensor BatchNorm(Tensor x, Tensor? runningMean, Tensor? runningVar, Tensor? weight, Tensor? bias,
        bool training, float momentum = 0.1f, float eps = 1e-5f)
    {
        if (x.Rank < 2) throw new ArgumentException($"BatchNorm expects [N, C, *], got {x.ShapeText}.");
        int batch = x.Shape[0], channels = x.Shape[1], positions = ShapeMath.Product(x.Shape, 2, x.Rank);
        if (!training && (runningMean is null || runningVar is null)) throw new ArgumentException("BatchNorm in eval mode needs running statistics.");
        if (training && batch * positions <= 1) throw new ArgumentException($"BatchNorm in training mode needs more than one value per channel, got {x.ShapeText}.");
        var mean = new float[channels];
        var invStd = new float[channels];
        for (int c = 0; c < channels && !training; c++)
        {
            mean[c] = runningMean!.Data[c];
            invStd[c] = 1f / MathF.Sqrt(runningVar!.Data[c] + eps);
        }
        bool recording = GradMode.IsRecording(x, weight, bias);
        if (!training && !recording) return EvalInference(x, mean, invStd, weight, bias, batch, channels, positions);
        // normalized holds x - mean (training: the batch mean, computed on the way), then is scaled to (x - mean) / std.
        var normalized = training
            ? BatchStatistics(x.Data, batch, channels, positions, mean, invStd, eps, runningMean, runningVar, momentum)
            : Buffers.Uninitialized(x.Length);
        var data = Buffers.Uninitialized(x.Length);
        ForEachChannelRun(batch, channels, positions, (c, start) =>
        {
            var xhat = normalized.AsSpan(start, positions);
            if (!training) TensorPrimitives.Subtract(x.Data.AsSpan(start, positions), mean[c], xhat);
            TensorPrimitives.Multiply(xhat, invStd[c], xhat);
            var y = data.AsSpan(start, positions);
            TensorPrimitives.Multiply(xhat, weight?.Data[c] ?? 1f, y);
            TensorPrimitives.Add(y, bias?.Data[c] ?? 0f, y);
        });
        var output = new Tensor(x.Shape, data);
        if (recording)
        {
            Tensor[] inputs = [x, .. new[] { weight, bias }.OfType<Tensor>()];
            output.SetBackward(inputs, grad => BatchNormBackward(x, weight, bias, training, normalized, invStd, grad, batch, channels, positions));
        }
        return output;
    }

    /// <summary>Eval mode without a tape: y = x * scale_c + shift_c in one pass, nothing kept for a backward pass.</summary>
    private static Tensor EvalInference(Tensor x, float[] mean, float[] invStd, Tensor? weight, Tensor? bias, int batch, int channels, int positions)
    {
        var data = Buffers.Uninitialized(x.Length);
        ForEachChannelRun(batch, channels, positions, (c, start) =>
        {
            float scale = invStd[c] * (weight?.Data[c] ?? 1f), shift = (bias?.Data[c] ?? 0f) - mean[c] * scale;
            var y = data.AsSpan(start, positions);
            TensorPrimitives.Multiply(x.Data.AsSpan(start, positions), scale, y);
            TensorPrimitives.Add(y, shift, y);
        });
        return new Tensor(x.Shape, data);
    }

    /// <summary>
    /// Batch mean per channel, then the biased variance from the centred values (two passes, float64 sums); updates the
    /// running statistics. Returns x - mean for every element.
    /// </summary>
    private static float[] BatchStatistics(float[] x, int batch, int channels, int positions, float[] mean, float[] invStd, float eps,
        Tensor? runningMean, Tensor? runningVar, float momentum)
    {
        int count = batch * positions;
        var sum = new double[channels];
        var sumSquares = new double[channels];
        ForEachChannelRun(batch, channels, positions, (c, start) => sum[c] += TensorPrimitives.Sum(x.AsSpan(start, positions)));
        for (int c = 0; c < channels; c++) mean[c] = (float)(sum[c] / count);
        var centred = Buffers.Uninitialized(x.Length);
        ForEachChannelRun(batch, channels, positions, (c, start) =>
        {
            var run = centred.AsSpan(start, positions);
            TensorPrimitives.Subtract(x.AsSpan(start, positions), mean[c], run);
            sumSquares[c] += TensorPrimitives.SumOfSquares(run);
        });
        for (int c = 0; c < channels; c++)
        {
            double variance = sumSquares[c] / count;
            invStd[c] = (float)(1.0 / Math.Sqrt(variance + eps));
            if (runningMean is not null) runningMean.Data[c] = (1 - momentum) * runningMean.Data[c] + momentum * mean[c];
            if (runningVar is not null)
            {
                double unbiased = count > 1 ? sumSquares[c] / (count - 1) : variance;
                runningVar.Data[c] = (float)((1 - momentum) * runningVar.Data[c] + momentum * unbiased);
            }
        }
        return centred;
    }

    private static void BatchNormBackward(Tensor x, Tensor? weight, Tensor? bias, bool training, float[] normalized, float[] invStd,
        float[] grad, int batch, int channels, int positions)
    {
        var sumGrad = new double[channels];
        var sumGradNormalized = new double[channels];
        ForEachChannelRun(batch, channels, positions, (c, start) =>
        {
            sumGrad[c] += TensorPrimitives.Sum(grad.AsSpan(start, positions));
            sumGradNormalized[c] += TensorPrimitives.Dot(grad.AsSpan(start, positions), normalized.AsSpan(start, positions));
        });
        if (weight is not null && weight.RequiresGrad)
        {
            var dw = weight.EnsureGrad();
            for (int c = 0; c < channels; c++) dw[c] += (float)sumGradNormalized[c];
        }
        if (bias is not null && bias.RequiresGrad)
        {
            var db = bias.EnsureGrad();
            for (int c = 0; c < channels; c++) db[c] += (float)sumGrad[c];
        }
        if (!x.RequiresGrad) return;
        var dx = Buffers.Uninitialized(x.Length);
        int count = batch * positions;
        ForEachChannelRun(batch, channels, positions, (c, start) =>
        {
            float scale = (weight?.Data[c] ?? 1f) * invStd[c];
            // Training: dx = scale * (g - mean(g) - xhat * mean(g * xhat)); eval: dx = scale * g.
            float meanGrad = training ? (float)(sumGrad[c] / count) : 0f;
            float meanGradNormalized = training ? (float)(sumGradNormalized[c] / count) : 0f;
            var term = dx.AsSpan(start, positions);
            TensorPrimitives.Subtract(grad.AsSpan(start, positions), meanGrad, term);
            TensorPrimitives.MultiplyAdd(normalized.AsSpan(start, positions), -meanGradNormalized, term, term);
            TensorPrimitives.Multiply(term, scale, term);
        });
        x.AccumulateGradOwned(dx);
    }

    /// <summary>
    /// Calls run(channel, start) for every contiguous run of <paramref name="positions"/> values of [N, C, positions].
    /// Large tensors are split across the cores by channel; each channel's runs stay in order on one thread, so
    /// per-channel sums are race-free and deterministic.
    /// </summary>
    private static void ForEachChannelRun(int batch, int channels, int positions, Action<int, int> run)
    {
        int minChannels = Math.Max(1, ParallelLoop.MinParallelLength / Math.Max(batch * positions, 1));
        ParallelLoop.For(channels, (first, count) =>
        {
            for (int c = first; c < first + count; c++)
            for (int n = 0; n < batch; n++) run(c, (n * channels + c) * positions);
        }, minChannels);
    }
}
