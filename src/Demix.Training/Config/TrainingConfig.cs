namespace Demix.Training.Config;

/// <summary>
/// One training run as written in its YAML file (camelCase keys): the model family and its hyper-parameters, the
/// data, the augmentations, the optimiser and the loop. Every section has defaults, so a config names only what
/// differs. Loaded by <see cref="TrainingConfigLoader"/>, which also validates it.
/// </summary>
public sealed class TrainingConfig
{
    /// <summary>Run and model name (the best model is exported as <c>&lt;name&gt;.safetensors</c>).</summary>
    public string Name { get; set; } = "";

    /// <summary>The one seed every random choice of the run derives from (weights, batches, dropout).</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Model family and hyper-parameters.</summary>
    public ModelConfig Model { get; set; } = new();

    /// <summary>Training and validation data.</summary>
    public DataConfig Data { get; set; } = new();

    /// <summary>Augmentations of the training examples.</summary>
    public AugmentConfig Augment { get; set; } = new();

    /// <summary>Optimiser and learning-rate schedule.</summary>
    public OptimizerConfig Optimizer { get; set; } = new();

    /// <summary>Steps, validation, checkpoints, early stopping.</summary>
    public LoopConfig Training { get; set; } = new();
}

/// <summary>The optimiser (<c>optimizer:</c>).</summary>
public sealed class OptimizerConfig
{
    /// <summary><c>adam</c> or <c>adamw</c>.</summary>
    public string Kind { get; set; } = "adam";

    /// <summary>Peak learning rate.</summary>
    public float LearningRate { get; set; } = 1e-3f;

    /// <summary>Adam's first-moment decay (pix2pix publishes 0.5).</summary>
    public float Beta1 { get; set; } = 0.9f;

    /// <summary>Adam's second-moment decay.</summary>
    public float Beta2 { get; set; } = 0.999f;

    /// <summary>L2 (adam) or decoupled (adamw) weight decay.</summary>
    public float WeightDecay { get; set; }

    /// <summary><c>constant</c>, <c>cosine</c> (with warm-up) or <c>step</c>.</summary>
    public string Schedule { get; set; } = "constant";

    /// <summary>Linear warm-up steps (cosine).</summary>
    public int WarmupSteps { get; set; }

    /// <summary>Floor of the cosine schedule.</summary>
    public float MinLearningRate { get; set; }

    /// <summary>Steps between decays (step schedule).</summary>
    public int DecaySteps { get; set; } = 1000;

    /// <summary>Decay factor (step schedule).</summary>
    public float DecayFactor { get; set; } = 0.5f;

    /// <summary>Gradients are scaled down to this global L2 norm (0 = off).</summary>
    public float GradientClipNorm { get; set; }
}

/// <summary>The loop (<c>training:</c>).</summary>
public sealed class LoopConfig
{
    /// <summary>Optimiser steps of the run.</summary>
    public int MaxSteps { get; set; } = 1000;

    /// <summary>Steps between validations (and the best-model export).</summary>
    public int ValidateEvery { get; set; } = 200;

    /// <summary>Steps between checkpoints.</summary>
    public int CheckpointEvery { get; set; } = 100;

    /// <summary>Validations without a better validation SDR before the run stops (0 = never stop early).</summary>
    public int Patience { get; set; }

    /// <summary>Background loader threads: 0 builds batches on the training thread, 1 on a separate thread.</summary>
    public int Workers { get; set; } = 1;

    /// <summary>Ready batches the background queue holds.</summary>
    public int PrefetchBatches { get; set; } = 4;
}
