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
        bool fresh = !Checkpoint.Exists(run.Path);
        if (fresh && config.Model.InitFrom.Length > 0)
        {
            InitialWeights.Load(config.Model.InitFrom, model.Network);   // before the data: a wrong file fails fast
            Message?.Invoke($"initialised from {config.Model.InitFrom}");
        }
        using var data = new TrainingData(config, model, Cache);
        Message?.Invoke($"data: {data.TrainingTrackCount} training tracks, {data.ValidationTrackCount} validation tracks; cache {Cache.Folder} ({Cache.DecodeCount} decoded now)");
        ITrainingStep step = model.CreateStep(config.Optimizer);
        TrainerState state = fresh ? Start(model, data.Builder) : Resume(model, step);
        var session = new TrainingSession(config, run, model, step, data, random) { Progress = Progress, Message = Message };
        return session.Run(state, StepLimit ?? config.Training.MaxSteps, cancellation);
    }

    private TrainerState Resume(ITrainableModel model, ITrainingStep step)
    {
        TrainerState resumed = Checkpoint.Load(run.Path, model.Network, step.Optimizers);
        Message?.Invoke($"resumed at step {resumed.Step} from {run.Path}");
        return resumed;
    }

    /// <summary>A fresh run: input statistics from a few batches, unless <c>model.initFrom</c> brought them.</summary>
    private TrainerState Start(ITrainableModel model, IBatchSource builder)
    {
        if (config.Model.InitFrom.Length == 0) model.Initialise([.. Enumerable.Range(1, InitialisationBatches).Select(i => builder.Build(-i))]);
        return new TrainerState(0, config.Seed, double.NaN, 0);
    }

    /// <summary>The dropout generator's seed for <paramref name="step"/>.</summary>
    internal static int DropoutSeed(int seed, int step) => StepRandom.Derive(seed, DropoutStream, step);
}
