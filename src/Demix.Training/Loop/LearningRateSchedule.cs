using Demix.Training.Config;

namespace Demix.Training.Loop;

/// <summary>
/// The learning rate as a pure function of the step (constant, cosine with linear warm-up, or step decay), so the
/// schedule's whole state is the step the checkpoint stores.
/// </summary>
public sealed class LearningRateSchedule(OptimizerConfig config, int totalSteps)
{
    /// <summary>The rate of step <paramref name="step"/> (0-based).</summary>
    public float RateAt(int step)
    {
        double peak = config.LearningRate;
        switch (config.Schedule)
        {
            case "cosine":
                if (step < config.WarmupSteps) return (float)(peak * (step + 1) / config.WarmupSteps);
                double progress = Math.Min(1.0, (step - config.WarmupSteps) / (double)Math.Max(1, totalSteps - config.WarmupSteps));
                return (float)(config.MinLearningRate + 0.5 * (peak - config.MinLearningRate) * (1 + Math.Cos(Math.PI * progress)));
            case "step":
                return (float)(peak * Math.Pow(config.DecayFactor, step / Math.Max(1, config.DecaySteps)));
            default:
                return (float)peak;
        }
    }
}
