using System.CommandLine;
using Demix.Cli.Demo;
using Demix.Separation.Methods;

namespace Demix.Cli.Commands;

/// <summary><c>demix demo</c>: a synthetic song with known stems, separated and scored.</summary>
public static class DemoCommand
{
    /// <summary>Builds the command; its action writes to <paramref name="console"/>.</summary>
    public static Command Create(CliConsole console)
    {
        var output = new Option<string>("--output", "-o") { Description = "Folder for the song, its true stems and the estimates.", DefaultValueFactory = _ => "demix-demo" };
        var method = new Option<string>("--method", "-m") { Description = $"Method: {string.Join(", ", MethodRegistry.Names)}.", DefaultValueFactory = _ => MethodRegistry.DefaultMethod };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic song.", DefaultValueFactory = _ => 2026 };
        var duration = new Option<double>("--duration") { Description = "Length of the song in seconds.", DefaultValueFactory = _ => 8.0 };
        var force = new Option<bool>("--force") { Description = "Replace files left by an earlier demo." };
        var command = new Command("demo", "Synthesise a song with known stems, separate it and print each stem's SDR.")
        {
            output, method, seed, duration, force,
        };
        command.SetAction(parse =>
        {
            string name = parse.GetValue(method)!;
            if (!MethodRegistry.Contains(name)) throw new UsageException($"unknown method '{name}'; choose one of: {string.Join(", ", MethodRegistry.Names)}.");
            double seconds = parse.GetValue(duration);
            if (!(seconds >= 1 && seconds <= 600)) throw new UsageException($"--duration {seconds}: give 1 to 600 seconds.");
            var settings = new DemoSettings(parse.GetValue(output)!, name.ToLowerInvariant(), parse.GetValue(seed), seconds, parse.GetValue(force));
            return new DemoRunner(console).Run(settings);
        });
        return command;
    }
}
