using System.CommandLine;
using Demix.Cli.Commands;

namespace Demix.Cli;

/// <summary>Builds the root command and runs it; parse errors and usage errors exit with code 2.</summary>
public static class CliApp
{
    /// <summary>The root command with every subcommand, writing to <paramref name="console"/>.</summary>
    public static RootCommand BuildRoot(CliConsole console)
    {
        var root = new RootCommand("Demix: split songs into vocals and accompaniment (karaoke), train and evaluate separation models.")
        {
            SeparateCommand.Create(console),
            InfoCommand.Create(console),
            DemoCommand.Create(console),
            ModelsCommand.Create(console),
            TrainCommand.Create(console),
            DatasetCommand.Create(console),
            SpectrogramCommand.Create(console),
            ServeCommand.Create(console),
            EvaluateCommand.Create(console),
            CompareCommand.Create(console),
        };
        foreach (Option option in root.Options)
        {
            if (option is VersionOption) option.Action = new VersionAction(console.Out);
        }
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the chosen command.</summary>
    /// <returns>The process exit code (see <see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellation = default)
    {
        ParseResult parse = BuildRoot(console).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) console.WriteError(error.Message);
            console.Error.WriteLine("Run 'demix --help' (or 'demix <command> --help') for the options.");
            return ExitCodes.UserError;
        }
        var configuration = new InvocationConfiguration
        {
            Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,   // signals are handled by Program: cancel, clean up, exit 130
        };
        try
        {
            return await parse.InvokeAsync(configuration, cancellation);
        }
        catch (UsageException e)
        {
            console.WriteError(e.Message);
            return ExitCodes.UserError;
        }
        catch (OperationCanceledException)
        {
            console.WriteError("interrupted; no partial output was left behind.");
            return ExitCodes.Cancelled;
        }
        catch (OutOfMemoryException)
        {
            console.WriteError("out of memory: the run needed more memory than this machine (or DOTNET_GCHeapHardLimit) allows; " +
                "use fewer --jobs, a smaller batchSize or chunk, or a machine with more memory. A training run resumes from its last checkpoint.");
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            console.Error.WriteLine($"demix: failed: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
