using System.CommandLine;
using Demix.Evaluation.Results;
using Demix.Evaluation.Scoring;

namespace Demix.Cli.Commands;

/// <summary><c>demix compare A B ...</c>: the side-by-side table of several results folders (museval medians).</summary>
public static class CompareCommand
{
    /// <summary>Builds the command; its action writes to <paramref name="console"/>.</summary>
    public static Command Create(CliConsole console)
    {
        var folders = new Argument<string[]>("results") { Description = "Results folders written by 'demix evaluate'.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("compare", "Side-by-side table of several evaluation results folders (median over frames, then tracks).") { folders };
        command.SetAction(parse =>
        {
            var methods = new List<(string, IReadOnlyList<TrackScores>)>();
            foreach (string folder in parse.GetValue(folders)!)
            {
                if (!Directory.Exists(folder)) throw new UsageException($"'{folder}' is not a results folder (it does not exist).");
                IReadOnlyList<TrackScores> tracks = new ResultsFolder(folder).LoadAll();
                if (tracks.Count == 0) throw new UsageException($"'{folder}' holds no track results (*.json).");
                methods.Add((Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), tracks));
            }
            console.Out.Write(ResultsComparison.ToMarkdown(ResultsComparison.Summarize(methods)));
            return ExitCodes.Success;
        });
        return command;
    }
}
