namespace Demix.Cli;

/// <summary>A bad option value or combination; reported as one line and exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
