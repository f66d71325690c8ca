using System.Diagnostics;
using Demix.Engine.Optim;
using Demix.Engine.Tensors;
using Demix.Separation.Models;
using Demix.Training.Config;
using Demix.Training.Data;
using Demix.Training.Models;
using Demix.Training.Sampling;

namespace Demix.Training.Loop;

/// <summary>
/// Runs a training config in a run folder: builds the model and the data, resumes from the folder's checkpoint when
/// there is one, then steps (batch, forward, backward, clip, Adam/AdamW at the scheduled rate), validates every N
/// steps (exporting the best model with its metrics), stops early after <c>patience</c> validations without
/// progress, checkpoints every M steps and when cancelled, and keeps <c>log.csv</c> and <c>training.png</c> current.
/// Every random draw derives from (seed, stream, step), so a resumed run repeats the uninterrupted run exactly.
/// </summary>
public sealed class Trainer
{
    private const int DropoutStream = 2;
    private const int InitialisationBatches = 4;
    private readonly TrainingConfig config;
    private readonly RunDirectory run;

    /// <summary>A trainer for <paramref name="config"/> writing into <paramref name="runDirectory"/>.</summary>
    public Trainer(TrainingConfig config, string runDirectory, AudioCache? cache = null)
    {
        this.config = config ?? throw new ArgumentNullException(nameof(config));
        run = new RunDirectory(runDirectory);
        Cache = cache ?? new AudioCache(config.Data.Cache.Length > 0 ? config.Data.Cache : AudioCache.DefaultFolder(), config.Data.CacheFormat == "float16");
    }

    /// <summary>The decoded-audio cache the data comes from.</summary>
    public AudioCache Cache { get; }

    /// <summary>Stop after this many steps in total instead of <c>training.maxSteps</c> (the schedule still uses maxSteps).</summary>
    public int? StepLimit { get; init; }

    /// <summary>Receives a report after every step.</summary>
    public IProgress<TrainingProgress>? Progress { get; init; }

    /// <summary>Receives one-line messages (data loaded, resumed, best model exported).</summary>
    public Action<string>? Message { get; init; }

    /// <summary>Resumes the run in <paramref name="runDirectory"/> from its config copy and checkpoint.</summary>
    public static Trainer Resume(string runDirectory, int? stepLimit = null, IProgress<TrainingProgress>? progress = null, Action<string>? message = null)
    {
        var run = new RunDirectory(runDirectory);
        if (!File.Exists(run.Config)) throw new FileNotFoundException($"'{run.Path}' is not a run folder: it has no config.yaml.", run.Config);
        return new Trainer(TrainingConfigLoader.Load(run.Config, run.Origin()), runDirectory) { StepLimit = stepLimit, Progress = progress, Message = message };
    }

    /// <summary>Trains until the last step, early stopping or cancellation (which writes a checkpoint first).</summary>
    public TrainingResult Run(CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(run.Path);
        var random = new StepRandom(StepRandom.Derive(config.Seed, 0, 0));
        ITrainableModel model = TrainableModels.Create(config, random);
        using var data = new TrainingData(config, model, Cache);
        Message?.Invoke($"data: {data.TrainingTrackCount} training tracks, {data.ValidationTrackCount} validation tracks; cache {Cache.Folder} ({Cache.DecodeCount} decoded now)");
        Optimizer optimizer = config.Optimizer.Kind == "adamw"
            ? new AdamW(model.Network.Parameters(), config.Optimizer.LearningRate, weightDecay: config.Optimizer.WeightDecay)
            : new Adam(model.Network.Parameters(), config.Optimizer.LearningRate, weightDecay: config.Optimizer.WeightDecay);
        TrainerState state = Start(model, optimizer, data.Builder);
        var session = new TrainingSession(config, run, model, optimizer, data, random) { Progress = Progress, Message = Message };
        return session.Run(state, StepLimit ?? config.Training.MaxSteps, cancellation);
    }

    private TrainerState Start(ITrainableModel model, Optimizer optimizer, BatchBuilder builder)
    {
        if (Checkpoint.Exists(run.Path))
        {
            TrainerState resumed = Checkpoint.Load(run.Path, model.Network, optimizer);
            Message?.Invoke($"resumed at step {resumed.Step} from {run.Path}");
            return resumed;
        }
        model.Initialise([.. Enumerable.Range(1, InitialisationBatches).Select(i => builder.Build(-i))]);
        return new TrainerState(0, config.Seed, double.NaN, 0);
    }

    /// <summary>The dropout generator's seed for <paramref name="step"/>.</summary>
    internal static int DropoutSeed(int seed, int step) => StepRandom.Derive(seed, DropoutStream, step);
}
