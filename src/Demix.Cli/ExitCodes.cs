namespace Demix.Cli;

/// <summary>The process exit codes of <c>demix</c> (documented in README.md, "Exit codes").</summary>
public static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Success = 0;

    /// <summary>Something failed that is not the user's input: an encoder crashed, a disk filled up, a bug.</summary>
    public const int Failure = 1;

    /// <summary>The user's request or input is wrong: bad arguments, a missing, empty, corrupt or unsupported
    /// file, an output that exists without --force or cannot be written, too many channels without --downmix.</summary>
    public const int UserError = 2;

    /// <summary>Interrupted (Ctrl+C); nothing half-written is left behind.</summary>
    public const int Cancelled = 130;
}
