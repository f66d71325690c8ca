using System.Runtime.InteropServices;
using Demix.Cli;

// Entry point of the `demix` command line; the commands live in Commands/.
// Ctrl+C (or SIGTERM) cancels the run cleanly: the current block finishes, temporary outputs are
// deleted, and the exit code is 130. A second signal ends the process at once.
using var cancellation = new CancellationTokenSource();
void OnSignal(PosixSignalContext context)
{
    context.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
}
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
return await CliApp.RunAsync(args, CliConsole.System(), cancellation.Token);
