using System.Diagnostics;
using Demix.Separation.Models;
using Demix.Training.Config;
using Demix.Training.Models;
using Demix.Training.Sampling;

namespace Demix.Training.Loop;

/// <summary>The step loop of one <see cref="Trainer.Run"/> call, with its time accounting (process CPU time per phase).</summary>
internal sealed class TrainingSession(TrainingConfig config, RunDirectory run, ITrainableModel model, ITrainingStep step, TrainingData data, StepRandom random)
{
    private readonly LearningRateSchedule schedule = new(config.Optimizer, config.Training.MaxSteps);
    private readonly Process process = Process.GetCurrentProcess();
    private readonly double[] cpu = new double[5];   // data, forward, backward, optimiser, validation
    private readonly HeapBudget heap = new(HeapBudget.DefaultBytes);
    private TrainingLog log = new();

    public IProgress<TrainingProgress>? Progress { get; init; }

    public Action<string>? Message { get; init; }

    public TrainingResult Run(TrainerState state, int lastStep, CancellationToken cancellation)
    {
        log = TrainingLog.Read(run.Log, state.Step);
        var losses = new List<double>();
        int firstStep = state.Step;
        var wall = Stopwatch.StartNew();
        bool cancelled = false, stopped = false;
        model.Network.Train();
        using (var queue = new BatchQueue(data.Builder, state.Step, config.Training.Workers == 0 ? 0 : config.Training.PrefetchBatches))
        {
            while (state.Step < lastStep)
            {
                if (cancellation.IsCancellationRequested) { cancelled = true; break; }
                float learningRate = schedule.RateAt(state.Step);
                double loss = Step(state.Step, learningRate, queue, cancellation);
                losses.Add(loss);
                heap.Check();
                double rate = (state.Step + 1 - firstStep) * (double)config.Data.BatchSize / wall.Elapsed.TotalSeconds;
                log.Add(new LogRow(state.Step, loss, learningRate, rate));
                state = state with { Step = state.Step + 1 };
                ValidationResult? validation = null;
                if (data.Validator is not null && (state.Step % config.Training.ValidateEvery == 0 || state.Step == lastStep))
                    (state, validation, stopped) = Validate(state);
                var eta = TimeSpan.FromSeconds(wall.Elapsed.TotalSeconds / (state.Step - firstStep) * (lastStep - state.Step));
                Progress?.Report(new TrainingProgress(state.Step, lastStep, loss, rate, eta, validation));
                if (state.Step % config.Training.CheckpointEvery == 0) Save(state);
                if (stopped) break;
            }
        }
        Save(state);
        var time = new TimeBreakdown(cpu[0], cpu[1], cpu[2], cpu[3], cpu[4], wall.Elapsed.TotalSeconds, (long)losses.Count * config.Data.BatchSize);
        File.WriteAllText(run.Timing, time + Environment.NewLine);
        return new TrainingResult(state.Step, cancelled, stopped, state.BestVocalsSdrDb, losses, time);
    }

    private double Step(int index, float learningRate, BatchQueue queue, CancellationToken cancellation)
    {
        random.Reseed(Trainer.DropoutSeed(config.Seed, index));
        double last = Cpu();
        Batch batch = queue.Next(cancellation);
        double now = Cpu();
        cpu[0] += now - last;
        last = now;
        return step.Run(batch, learningRate, phase =>
        {
            double time = Cpu();
            cpu[1 + (int)phase] += time - last;
            last = time;
        });
    }

    private (TrainerState State, ValidationResult Result, bool Stop) Validate(TrainerState state)
    {
        double start = Cpu();
        ValidationResult result = data.Validator!.Validate(model, heap);
        cpu[4] += Cpu() - start;
        LogRow last = log.Rows[^1];
        log.ReplaceLast(last with { ValidationLoss = result.Loss, VocalsSdrDb = result.VocalsSdrDb, AccompanimentSdrDb = result.AccompanimentSdrDb });
        bool better = double.IsFinite(result.VocalsSdrDb) && !(result.VocalsSdrDb <= state.BestVocalsSdrDb);
        if (better)
        {
            ExportBest(state.Step, result);
            state = state with { BestVocalsSdrDb = result.VocalsSdrDb, ValidationsWithoutImprovement = 0 };
        }
        else state = state with { ValidationsWithoutImprovement = state.ValidationsWithoutImprovement + 1 };
        bool stop = config.Training.Patience > 0 && state.ValidationsWithoutImprovement >= config.Training.Patience;
        if (stop) Message?.Invoke($"early stop at step {state.Step}: {state.ValidationsWithoutImprovement} validations without a better vocals SDR");
        return (state, result, stop);
    }

    private void ExportBest(int step, ValidationResult result)
    {
        ModelCard card = model.Model.Card with
        {
            Training = new TrainingInfo(string.Join(" + ", config.Data.Sources.Select(s => $"{s.Kind}:{Path.GetFileName(s.Root)}/{s.Split}")),
                $"demix train, step {step}, seed {config.Seed}"),
            Metrics = new Dictionary<string, double>
            {
                ["validation.vocals.sdr_db"] = result.VocalsSdrDb,
                ["validation.accompaniment.sdr_db"] = result.AccompanimentSdrDb,
                ["validation.loss"] = result.Loss,
                ["step"] = step,
            },
        };
        ModelFile.Save(new RecardedModel(model.Model, card), run.Best);
        Message?.Invoke($"step {step}: best validation vocals SDR {result.VocalsSdrDb:F2} dB, model saved to {run.Best}");
    }

    private void Save(TrainerState state)
    {
        Checkpoint.Save(run.Path, model.Network, step.Optimizers, state);
        log.Write(run.Log);
        TrainingPlot.Save(log, run.Plot);
    }

    private double Cpu()
    {
        process.Refresh();
        return process.TotalProcessorTime.TotalSeconds;
    }
}
