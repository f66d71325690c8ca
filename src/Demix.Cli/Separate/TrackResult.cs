namespace Demix.Cli.Separate;

/// <summary>How one input ended.</summary>
public enum TrackStatus
{
    /// <summary>Every stem written.</summary>
    Done,

    /// <summary>The input or the request was wrong (exit code 2).</summary>
    UserError,

    /// <summary>Something else went wrong (exit code 1).</summary>
    Failed,

    /// <summary>Interrupted before it finished.</summary>
    Cancelled,
}

/// <summary>The outcome of one input of <c>demix separate</c>.</summary>
/// <param name="Input">The input path.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Message">The error, or null when done.</param>
/// <param name="Outputs">Written files by stem (empty unless done).</param>
/// <param name="DurationSeconds">Audio duration, when known.</param>
/// <param name="ElapsedSeconds">Wall-clock time spent.</param>
public sealed record TrackResult(string Input, TrackStatus Status, string? Message,
    IReadOnlyDictionary<string, string> Outputs, double DurationSeconds, double ElapsedSeconds)
{
    /// <summary>Audio seconds per wall-clock second.</summary>
    public double RealTimeFactor => ElapsedSeconds > 0 ? DurationSeconds / ElapsedSeconds : 0;

    /// <summary>A result for an input that failed before anything was read.</summary>
    public static TrackResult Error(string input, TrackStatus status, string message) =>
        new(input, status, message, new Dictionary<string, string>(), 0, 0);
}
