namespace Demix.Engine.Optim;

/// <summary>StepLR: lr = initial * gamma^(floor(epoch / stepSize)); call <see cref="Step"/> once per epoch.</summary>
public sealed class StepLearningRate(Optimizer optimizer, int stepSize, float gamma = 0.1f)
{
    /// <summary>Epochs completed.</summary>
    public int Epoch { get; private set; }

    /// <summary>Advances one epoch and sets the optimiser's learning rate.</summary>
    public void Step()
    {
        Epoch++;
        optimizer.LearningRate = (float)(optimizer.InitialLearningRate * Math.Pow(gamma, Epoch / stepSize));
    }
}

/// <summary>
/// Linear warm-up from 0 to the initial rate over <paramref name="warmupSteps"/>, then a cosine decay to
/// <paramref name="minLearningRate"/> at <paramref name="totalSteps"/> (constant afterwards). Call per step.
/// </summary>
public sealed class CosineWithWarmup(Optimizer optimizer, int warmupSteps, int totalSteps, float minLearningRate = 0f)
{
    /// <summary>Steps taken.</summary>
    public int StepIndex { get; private set; }

    /// <summary>The rate at a step (0-based), without changing anything.</summary>
    public float RateAt(int step)
    {
        double peak = optimizer.InitialLearningRate;
        if (step < warmupSteps) return (float)(peak * (step + 1) / warmupSteps);
        double progress = Math.Min(1.0, (step - warmupSteps) / (double)Math.Max(1, totalSteps - warmupSteps));
        return (float)(minLearningRate + 0.5 * (peak - minLearningRate) * (1 + Math.Cos(Math.PI * progress)));
    }

    /// <summary>Sets the rate for the next optimiser step and advances.</summary>
    public void Step() => optimizer.LearningRate = RateAt(StepIndex++);
}

/// <summary>
/// ReduceLROnPlateau (mode min, relative threshold): when the metric has not improved on the best by more than
/// <paramref name="threshold"/> (relative) for more than <paramref name="patience"/> calls, lr *= factor (not below
/// <paramref name="minLearningRate"/>), then wait <paramref name="cooldown"/> calls.
/// </summary>
public sealed class ReduceOnPlateau(Optimizer optimizer, float factor = 0.1f, int patience = 10, double threshold = 1e-4, int cooldown = 0, float minLearningRate = 0f)
{
    private int badEpochs;
    private int cooldownLeft;

    /// <summary>Best metric seen.</summary>
    public double Best { get; private set; } = double.PositiveInfinity;

    /// <summary>Reports the latest validation metric (lower is better).</summary>
    public void Step(double metric)
    {
        if (metric < Best * (1 - threshold))
        {
            Best = metric;
            badEpochs = 0;
        }
        else badEpochs++;
        if (cooldownLeft > 0)
        {
            cooldownLeft--;
            badEpochs = 0;
        }
        if (badEpochs <= patience) return;
        optimizer.LearningRate = Math.Max(optimizer.LearningRate * factor, minLearningRate);
        cooldownLeft = cooldown;
        badEpochs = 0;
    }
}
