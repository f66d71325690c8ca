namespace Demix.Training.Loop;

/// <summary>What the trainer reports after each step (the CLI draws a progress bar from it).</summary>
/// <param name="Step">Steps done.</param>
/// <param name="MaxSteps">Steps of the run.</param>
/// <param name="Loss">This step's training loss.</param>
/// <param name="SamplesPerSecond">Training examples per wall-clock second since the run (or resume) started.</param>
/// <param name="Eta">Estimated time to the last step.</param>
/// <param name="Validation">The validation of this step, if any.</param>
public sealed record TrainingProgress(int Step, int MaxSteps, double Loss, double SamplesPerSecond, TimeSpan Eta, ValidationResult? Validation);

/// <summary>Where a run's CPU time went, in seconds of process CPU time (all threads).</summary>
/// <param name="DataSeconds">Waiting for or building batches on the training thread.</param>
/// <param name="ForwardSeconds">The loss (forward pass).</param>
/// <param name="BackwardSeconds">Back-propagation.</param>
/// <param name="OptimizerSeconds">Clipping and the optimiser step.</param>
/// <param name="ValidationSeconds">Validation.</param>
/// <param name="WallSeconds">Wall-clock time of the loop.</param>
/// <param name="Examples">Training examples consumed.</param>
public sealed record TimeBreakdown(double DataSeconds, double ForwardSeconds, double BackwardSeconds, double OptimizerSeconds,
    double ValidationSeconds, double WallSeconds, long Examples)
{
    /// <summary>Examples per wall-clock second.</summary>
    public double SamplesPerSecond => WallSeconds > 0 ? Examples / WallSeconds : 0;

    /// <summary>One line for reports.</summary>
    public override string ToString() =>
        $"{Examples} examples in {WallSeconds:F1} s wall = {SamplesPerSecond:F2} samples/s; CPU s: data {DataSeconds:F2}, forward {ForwardSeconds:F2}, " +
        $"backward {BackwardSeconds:F2}, optimiser {OptimizerSeconds:F2}, validation {ValidationSeconds:F2}";
}

/// <summary>The outcome of <see cref="Trainer.Run"/>.</summary>
/// <param name="Step">Steps done.</param>
/// <param name="Cancelled">Stopped by the cancellation token (a checkpoint was written).</param>
/// <param name="StoppedEarly">Stopped by early stopping.</param>
/// <param name="BestVocalsSdrDb">Best validation vocals SDR (NaN without validation).</param>
/// <param name="Losses">Training loss of every step run by this call, in order.</param>
/// <param name="Time">Where the time went.</param>
public sealed record TrainingResult(int Step, bool Cancelled, bool StoppedEarly, double BestVocalsSdrDb, IReadOnlyList<double> Losses, TimeBreakdown Time);
