using System.Globalization;
using Spectre.Console;

namespace Demix.Cli.Separate;

/// <summary>The table printed at the end of <c>demix separate</c>: one row per input.</summary>
public static class SummaryTable
{
    /// <summary>Writes the table to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, IReadOnlyList<TrackResult> results)
    {
        var table = new Table().AddColumns("Input", "Status", "Audio", "Time", "Speed", "Outputs");
        foreach (TrackResult result in results)
        {
            table.AddRow(
                Markup.Escape(result.Input),
                result.Status switch
                {
                    TrackStatus.Done => "[green]done[/]",
                    TrackStatus.UserError => "[yellow]bad input[/]",
                    TrackStatus.Cancelled => "[yellow]cancelled[/]",
                    _ => "[red]failed[/]",
                },
                result.Status == TrackStatus.Done ? Seconds(result.DurationSeconds) : "",
                result.Status == TrackStatus.Done ? Seconds(result.ElapsedSeconds) : "",
                result.Status == TrackStatus.Done ? string.Create(CultureInfo.InvariantCulture, $"{result.RealTimeFactor:F1}x") : "",
                Markup.Escape(string.Join(Environment.NewLine, result.Outputs.Values)));
        }
        int done = results.Count(r => r.Status == TrackStatus.Done);
        table.Caption($"{done} of {results.Count} input(s) separated");
        console.Write(table);
    }

    private static string Seconds(double seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds:F1} s");
}
