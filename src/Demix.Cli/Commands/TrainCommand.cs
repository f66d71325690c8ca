using System.CommandLine;
using Demix.Training.Config;
using Demix.Training.Loop;

namespace Demix.Cli.Commands;

/// <summary>
/// <c>demix train &lt;config.yaml&gt;</c> and <c>demix train --resume &lt;run-dir&gt;</c>: runs the trainer with a progress line
/// (step, loss, samples per second, ETA). Ctrl-C finishes the current step, writes a checkpoint and exits with 130;
/// the run continues with <c>--resume</c>.
/// </summary>
public static class TrainCommand
{
    /// <summary>Builds the command; its action writes to <paramref name="console"/>.</summary>
    public static Command Create(CliConsole console)
    {
        var config = new Argument<string?>("config") { Description = "The training config (YAML; see configs/ and docs/TRAINING.md).", Arity = ArgumentArity.ZeroOrOne };
        var resume = new Option<string?>("--resume") { Description = "Continue the run in this run folder from its checkpoint (its config copy is used)." };
        var runDirectory = new Option<string?>("--run-dir") { Description = "Run folder (default: runs/<config name>); an existing checkpoint there is resumed." };
        var maxSteps = new Option<int?>("--max-steps") { Description = "Stop after this many steps in total (the schedule still follows the config's maxSteps)." };
        var threads = new Option<int?>("--threads") { Description = "Compute threads of the engine (default: all cores; sets DEMIX_THREADS)." };
        var command = new Command("train", "Train a separation model from a YAML config, or resume a run.") { config, resume, runDirectory, maxSteps, threads };
        command.SetAction((parse, cancellation) => Task.FromResult(Run(console, parse.GetValue(config), parse.GetValue(resume), parse.GetValue(runDirectory),
            parse.GetValue(maxSteps), parse.GetValue(threads), cancellation)));
        return command;
    }

    private static int Run(CliConsole console, string? configPath, string? resume, string? runDirectory, int? maxSteps, int? threads, CancellationToken cancellation)
    {
        if ((configPath is null) == (resume is null)) throw new UsageException("give either a config file or --resume <run-dir>.");
        if (threads is int count)
        {
            if (count < 1) throw new UsageException("--threads must be at least 1.");
            Environment.SetEnvironmentVariable("DEMIX_THREADS", count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            console.Error.WriteLine();
            console.Error.WriteLine("demix: interrupted: finishing the step and writing a checkpoint...");
            interrupt.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            Trainer trainer = Build(console, configPath, resume, runDirectory, maxSteps, out string folder);
            TrainingResult result = trainer.Run(interrupt.Token);
            console.Error.WriteLine();
            console.Out.WriteLine($"run folder: {folder}");
            console.Out.WriteLine($"steps: {result.Step}{(result.Cancelled ? " (interrupted; resume with: demix train --resume " + folder + ")" : result.StoppedEarly ? " (stopped early)" : "")}");
            if (double.IsFinite(result.BestVocalsSdrDb)) console.Out.WriteLine($"best validation vocals SDR (museval v4 SDR, median of medians): {result.BestVocalsSdrDb:F2} dB");
            console.Out.WriteLine($"time: {result.Time}");
            return result.Cancelled ? ExitCodes.Cancelled : ExitCodes.Success;
        }
        catch (Exception e) when (e is TrainingConfigException or DirectoryNotFoundException or FileNotFoundException or InvalidDataException)
        {
            throw new UsageException(e.Message);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static Trainer Build(CliConsole console, string? configPath, string? resume, string? runDirectory, int? maxSteps, out string folder)
    {
        var progress = new TrainingProgressLine(console);
        Action<string> message = text => progress.Message(text);
        if (resume is not null)
        {
            folder = Path.GetFullPath(resume);
            return Trainer.Resume(folder, maxSteps, progress, message);
        }
        if (!File.Exists(configPath)) throw new UsageException($"the training config '{configPath}' does not exist.");
        TrainingConfig config = TrainingConfigLoader.Load(configPath!);
        folder = Path.GetFullPath(runDirectory ?? RunDirectory.DefaultFor(config.Name));
        var run = new RunDirectory(folder);
        if (!Checkpoint.Exists(folder)) run.Initialise(configPath!);
        else message($"{folder} holds a checkpoint: resuming it");
        return new Trainer(config, folder) { StepLimit = maxSteps, Progress = progress, Message = message };
    }
}
