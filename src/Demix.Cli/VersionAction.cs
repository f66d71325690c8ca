using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Demix.Cli;

/// <summary>Prints Demix's own version for <c>--version</c> (the default prints the entry assembly's, which
/// is the test host when the CLI runs in-process).</summary>
internal sealed class VersionAction(TextWriter output) : SynchronousCommandLineAction
{
    /// <summary>The informational version of the CLI assembly, e.g. <c>0.1.0+commit</c>.</summary>
    public static string Version =>
        typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public override int Invoke(ParseResult parseResult)
    {
        output.WriteLine(Version);
        return ExitCodes.Success;
    }
}
