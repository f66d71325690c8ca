using Spectre.Console;

namespace Demix.Cli;

/// <summary>
/// Where a command writes: normal output (through Spectre for tables and progress bars) and errors. Tests
/// pass string writers and run the root command in-process.
/// </summary>
/// <param name="Out">Plain standard output (help, version, JSON).</param>
/// <param name="Error">Standard error: one line per problem.</param>
/// <param name="Ansi">Spectre console over <paramref name="Out"/>, for tables and progress bars.</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error, IAnsiConsole Ansi)
{
    /// <summary>The process's own console.</summary>
    public static CliConsole System() => new(Console.Out, Console.Error, AnsiConsole.Console);

    /// <summary>A console over the given writers, without colours or interaction (for tests and pipes).</summary>
    public static CliConsole Capture(TextWriter output, TextWriter error) => new(output, error, AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(output),
    }));

    /// <summary>True when progress bars can be drawn (an interactive terminal).</summary>
    public bool CanShowProgress => Ansi.Profile.Capabilities.Interactive && Ansi.Profile.Capabilities.Ansi;

    /// <summary>Writes <c>demix: error: message</c> to standard error.</summary>
    public void WriteError(string message) => Error.WriteLine($"demix: error: {message}");
}
