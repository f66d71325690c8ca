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
        var mean = new float[channels];
        var invStd = new float[channels];
        if (training) BatchStatistics(x.Data, batch, channels, positions, mean, invStd, eps, runningMean, runningVar, momentum);
        else
        {
            for (int c = 0; c < channels; c++)
            {
                mean[c] = runningMean!.Data[c];
                invStd[c] = 1f / MathF.Sqrt(runningVar!.Data[c] + eps);
            }
        }
        var normalized = new float[x.Length];
        var data = new float[x.Length];
        ForEachChannelRun(batch, channels, positions, (c, start) =>
        {
            float scale = weight?.Data[c] ?? 1f, shift = bias?.Data[c] ?? 0f, m = mean[c], s = invStd[c];
            for (int i = start; i < start + positions; i++)
            {
                normalized[i] = (x.Data[i] - m) * s;
                data[i] = normalized[i] * scale + shift;
            }
        });
        var output = new Tensor(x.Shape, data);
        if (GradMode.IsRecording(x, weight, bias))
        {
            Tensor[] inputs = [x, .. new[] { weight, bias }.OfType<Tensor>()];
            output.SetBackward(inputs, grad => BatchNormBackward(x, weight, bias, training, normalized, invStd, grad, batch, channels, positions));
        }
        return output;
    }

    private static void BatchStatistics(float[] x, int batch, int channels, int positions, float[] mean, float[] invStd, float eps,
        Tensor? runningMean, Tensor? runningVar, float momentum)
    {
        int count = batch * positions;
        var sum = new double[channels];
        var sumSquares = new double[channels];
        ForEachChannelRun(batch, channels, positions, (c, start) =>
        {
            double s = 0;
            for (int i = start; i < start + positions; i++) s += x[i];
            sum[c] += s;
        });
        for (int c = 0; c < channels; c++) mean[c] = (float)(sum[c] / count);
        ForEachChannelRun(batch, channels, positions, (c, start) =>
        {
            double s = 0, m = mean[c];
            for (int i = start; i < start + positions; i++) s += (x[i] - m) * (x[i] - m);
            sumSquares[c] += s;
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
    }

    private static void BatchNormBackward(Tensor x, Tensor? weight, Tensor? bias, bool training, float[] normalized, float[] invStd,
        float[] grad, int batch, int channels, int positions)
    {
        var sumGrad = new double[channels];
        var sumGradNormalized = new double[channels];
        ForEachChannelRun(batch, channels, positions, (c, start) =>
        {
            double g = 0, gn = 0;
            for (int i = start; i < start + positions; i++)
            {
                g += grad[i];
                gn += grad[i] * normalized[i];
            }
            sumGrad[c] += g;
            sumGradNormalized[c] += gn;
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
        var dx = x.EnsureGrad();
        int count = batch * positions;
        ForEachChannelRun(batch, channels, positions, (c, start) =>
        {
            float scale = (weight?.Data[c] ?? 1f) * invStd[c];
            // Training: dx = scale * (g - mean(g) - xhat * mean(g * xhat)); eval: dx = scale * g.
            float meanGrad = training ? (float)(sumGrad[c] / count) : 0f;
            float meanGradNormalized = training ? (float)(sumGradNormalized[c] / count) : 0f;
            for (int i = start; i < start + positions; i++) dx[i] += scale * (grad[i] - meanGrad - normalized[i] * meanGradNormalized);
        });
    }

    /// <summary>Calls run(channel, start) for every contiguous run of <paramref name="positions"/> values of [N, C, positions].</summary>
    private static void ForEachChannelRun(int batch, int channels, int positions, Action<int, int> run)
    {
        for (int n = 0; n < batch; n++)
        for (int c = 0; c < channels; c++) run(c, (n * channels + c) * positions);
    }
}
