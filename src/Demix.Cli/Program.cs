using Demix.Cli;

// Entry point of the `demix` command line; the commands live in Commands/.
return await CliApp.RunAsync(args, CliConsole.System());
