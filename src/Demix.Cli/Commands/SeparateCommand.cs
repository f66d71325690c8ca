using System.CommandLine;
using Demix.Cli.Separate;
using Demix.Separation.Methods;
using Demix.Separation.Models;
using Demix.Separation.Models.Seeds;

namespace Demix.Cli.Commands;

/// <summary><c>demix separate &lt;files|folders...&gt;</c>: the options, read into a <see cref="SeparateRequest"/>.</summary>
public static class SeparateCommand
{
    /// <summary>Builds the command; its action writes to <paramref name="console"/>.</summary>
    public static Command Create(CliConsole console)
    {
        var options = new SeparateOptions();
        var command = new Command("separate",
            "Split songs into stems (vocals, accompaniment) with Demix's default model, or with --model or --method. Folders are searched recursively.");
        options.AddTo(command);
        command.SetAction((parse, cancellation) => new SeparateRunner(console).RunAsync(options.Read(parse), cancellation));
        return command;
    }
}

/// <summary>The options of <c>demix separate</c> and how they become a request.</summary>
internal sealed class SeparateOptions
{
    private readonly Argument<string[]> inputs = new("inputs")
    { Description = "Audio files or folders (searched recursively).", Arity = ArgumentArity.OneOrMore };
    private readonly Option<string> output = new("--output", "-o") { Description = "Output folder.", DefaultValueFactory = _ => "separated" };
    private readonly Option<string?> method = new("--method", "-m")
    { Description = $"Separate with a classic method instead of the default model: {string.Join(", ", MethodRegistry.Names)}." };
    private readonly Option<string?> model = new("--model")
    { Description = "Separate with another model than the default one: a cached model's name (see 'demix models list') or a model card / .safetensors / folder path." };
    private readonly ModelInferenceOptions inference = new();
    private readonly Option<string?> preset = new("--preset")
    { Description = "With --model: a seed system's output files: drnn (<song>_src1/_src2/_mono, separated in mono) or karaoke (<song>_pred/_karaoke)." };
    private readonly Option<string?> stems = new("--stems") { Description = "Stems to write, comma-separated (default: all, i.e. vocals,accompaniment)." };
    private readonly Option<string> format = new("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "wav" };
    private readonly Option<int?> bitrate = new("--bitrate") { Description = "Bit rate of mp3/ogg/opus/m4a outputs in kbit/s." };
    private readonly Option<string> bitDepth = new("--bit-depth") { Description = "Sample format of wav (16, 24, 32f) and flac (16, 24) outputs.", DefaultValueFactory = _ => "16" };
    private readonly Option<int?> sampleRate = new("--sample-rate") { Description = "Output sample rate in Hz (default: the input's)." };
    private readonly Option<string> name = new("--name") { Description = "Output path pattern below the output folder; tokens {track}, {stem}, {ext}, {method}.", DefaultValueFactory = _ => OutputNaming.DefaultPattern };
    private readonly Option<bool> force = new("--force") { Description = "Replace existing output files." };
    private readonly Option<int> jobs = new("--jobs", "-j") { Description = "Files separated at the same time.", DefaultValueFactory = _ => 1 };
    private readonly Option<bool> quiet = new("--quiet", "-q") { Description = "No progress bars and no summary table; errors are still printed." };
    private readonly Option<bool> json = new("--json") { Description = "Print a JSON report on standard output instead of the table." };
    private readonly Option<bool> report = new("--report") { Description = "Also write report.html next to the stems: spectrograms and players of the mixture and each stem." };
    private readonly Option<bool> downmix = new("--downmix") { Description = "Mix inputs with more than 2 channels down to stereo (otherwise they are refused)." };
    private readonly Option<double> strength = new("--strength") { Description = "center: how much of the centre goes to the vocals, 0 to 1.", DefaultValueFactory = _ => 1.0 };
    private readonly Option<double> lowHz = new("--low-hz") { Description = "center: lowest frequency sent to the vocals, Hz.", DefaultValueFactory = _ => 120.0 };
    private readonly Option<double> highHz = new("--high-hz") { Description = "center: highest frequency sent to the vocals, Hz.", DefaultValueFactory = _ => 9000.0 };
    private readonly Option<double> searchWindow = new("--search-window") { Description = "repet-sim: seconds of music searched for similar frames around each frame.", DefaultValueFactory = _ => 60.0 };

    public SeparateOptions()
    {
        format.AcceptOnlyFromAmong("wav", "flac", "mp3", "ogg", "opus", "m4a");
        bitDepth.AcceptOnlyFromAmong("16", "24", "32f");
    }

    public void AddTo(Command command)
    {
        command.Arguments.Add(inputs);
        foreach (Option option in new Option[] { output, method, model, preset, stems, format, bitrate, bitDepth, sampleRate, name, force, jobs, quiet, json, report, downmix, strength, lowHz, highHz, searchWindow })
        {
            command.Options.Add(option);
        }
        inference.AddTo(command);
    }

    /// <summary>Reads and checks every value.</summary>
    /// <exception cref="UsageException">A value is out of range or values contradict each other.</exception>
    public SeparateRequest Read(ParseResult parse)
    {
        string? methodName = parse.GetValue(method);
        string? modelArgument = parse.GetValue(model);
        ISeparationModel? explicitModel = LoadModel(modelArgument, methodName is not null);
        ISeparationModel? loadedModel = ApplyPreset(parse.GetValue(preset), explicitModel)
            ?? (methodName is null ? LoadDefaultModel() : null);
        methodName ??= MethodRegistry.DefaultMethod;
        if (loadedModel is null && !MethodRegistry.Contains(methodName))
        {
            throw new UsageException($"unknown method '{methodName}'; choose one of: {string.Join(", ", MethodRegistry.Names)}.");
        }
        var fileFormat = OptionValues.Format(parse.GetValue(format)!);
        string[] inputPaths = parse.GetValue(inputs)!;
        foreach (string input in inputPaths)
        {
            if (input.StartsWith('-') && !File.Exists(input) && !Directory.Exists(input)) throw new UsageException($"unknown option '{input}'.");
        }
        return new SeparateRequest
        {
            Inputs = inputPaths,
            OutputFolder = parse.GetValue(output)!,
            Method = loadedModel is null ? methodName.ToLowerInvariant() : ModelMethod.NamePrefix + loadedModel.Card.Name,
            Model = loadedModel,
            Inference = inference.Read(parse, loadedModel),
            MethodSettings = OptionValues.MethodSettings(parse.GetValue(strength), parse.GetValue(lowHz), parse.GetValue(highHz), parse.GetValue(searchWindow)),
            Stems = OptionValues.Stems(parse.GetValue(stems), loadedModel?.Stems ?? MethodRegistry.Create(methodName).Stems),
            Format = fileFormat,
            BitDepth = OptionValues.BitDepth(parse.GetValue(bitDepth)!, fileFormat),
            BitRateKbps = OptionValues.BitRate(parse.GetValue(bitrate), fileFormat),
            SampleRate = OptionValues.SampleRate(parse.GetValue(sampleRate)),
            NamePattern = parse.GetValue(preset) is not null && parse.GetResult(name) is not { Implicit: false } ? SeedPresets.NamePattern : parse.GetValue(name)!,
            Force = parse.GetValue(force),
            Jobs = OptionValues.Jobs(parse.GetValue(jobs)),
            Quiet = parse.GetValue(quiet),
            Json = parse.GetValue(json),
            Downmix = parse.GetValue(downmix),
            Report = parse.GetValue(report),
        };
    }

    /// <summary>The model seen through <c>--preset</c> (the model itself when no preset is given).</summary>
    private static ISeparationModel? ApplyPreset(string? presetName, ISeparationModel? loaded)
    {
        if (presetName is null) return loaded;
        if (loaded is null) throw new UsageException("--preset needs --model (e.g. a drnn or karaoke-cnn model).");
        try
        {
            return SeedPresets.Apply(SeedPresets.Parse(presetName), loaded);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--preset: {e.Message}");
        }
    }

    /// <summary>The shipped default model (<see cref="DefaultModel"/>); a missing or broken one is a usage error naming the file.</summary>
    private static ISeparationModel LoadDefaultModel()
    {
        try
        {
            return DefaultModel.Load();
        }
        catch (ModelFileException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>Loads the <c>--model</c> (null when not given); a model that cannot be loaded is a usage error.</summary>
    private static ISeparationModel? LoadModel(string? nameOrPath, bool methodGiven)
    {
        if (nameOrPath is null) return null;
        if (methodGiven) throw new UsageException("give either --method or --model, not both.");
        try
        {
            return ModelStore.Default().Load(nameOrPath);
        }
        catch (Exception e) when (e is ModelFileException or FileNotFoundException or Demix.Engine.Io.WeightFileException)
        {
            throw new UsageException(e.Message);
        }
    }
}
