using System.CommandLine;
using Demix.Audio;
using Demix.Imaging;
using Demix.Imaging.Colour;
using Demix.Imaging.Png;
using Demix.Web.Spectrograms;

namespace Demix.Cli.Commands;

/// <summary><c>demix spectrogram &lt;audio&gt; -o out.png</c>: a log-magnitude spectrogram picture, or the grey S0 image.</summary>
public static class SpectrogramCommand
{
    /// <summary>Builds the command; its action writes to <paramref name="console"/>.</summary>
    public static Command Create(CliConsole console)
    {
        var options = new SpectrogramOptions();
        var command = new Command("spectrogram", "Draw the spectrogram of an audio file as a PNG (with axes, bare, or the 256x256 grey images of the S0 datasets).");
        options.AddTo(command);
        command.SetAction(parse => Run(console, options.Read(parse)));
        return command;
    }

    private static int Run(CliConsole console, SpectrogramRequest request)
    {
        if (File.Exists(request.Output) && !request.Force)
        {
            throw new UsageException($"'{request.Output}' exists; pass --force to replace it.");
        }
        PixelImage image = request.Grey
            ? SpectrogramRenderer.RenderGrey(request.Input, request.Settings)
            : SpectrogramRenderer.Render(request.Input, request.Settings);
        Dictionary<string, string>? text = request.Grey
            ? new() { ["demix:min-db"] = $"{request.Settings.MinDecibels}", ["demix:max-db"] = $"{request.Settings.MaxDecibels}", ["demix:scale"] = request.Settings.Scale.ToString().ToLowerInvariant() }
            : null;
        string? folder = Path.GetDirectoryName(Path.GetFullPath(request.Output));
        if (folder is not null) Directory.CreateDirectory(folder);
        PngEncoder.Save(image, request.Output, text: text);
        console.Out.WriteLine($"{request.Output}: {image.Width}x{image.Height} pixels");
        return ExitCodes.Success;
    }
}

/// <summary>What <c>demix spectrogram</c> was asked for.</summary>
internal sealed record SpectrogramRequest(string Input, string Output, SpectrogramSettings Settings, bool Grey, bool Force);

/// <summary>The options of <c>demix spectrogram</c> and how they become settings.</summary>
internal sealed class SpectrogramOptions
{
    private readonly Argument<string> input = new("input") { Description = "An audio file (any format ffmpeg reads)." };
    private readonly Option<string> output = new("--output", "-o") { Description = "The PNG to write.", Required = true };
    private readonly Option<int?> width = new("--width") { Description = "Image width in pixels (default 900; 256 with --grey)." };
    private readonly Option<int?> height = new("--height") { Description = "Image height in pixels (default 400; 256 with --grey)." };
    private readonly Option<double?> pixelsPerSecond = new("--pixels-per-second") { Description = "Columns per second of audio; sets the width from the duration." };
    private readonly Option<double> lowHz = new("--low-hz") { Description = "Bottom of the frequency axis, Hz.", DefaultValueFactory = _ => 0 };
    private readonly Option<double?> highHz = new("--high-hz") { Description = "Top of the frequency axis, Hz (default: half the sample rate)." };
    private readonly Option<string> scale = new("--scale") { Description = "Frequency axis: linear or mel.", DefaultValueFactory = _ => "linear" };
    private readonly Option<string> colourMap = new("--colour-map") { Description = "viridis, magma, inferno, plasma, grey or hot.", DefaultValueFactory = _ => "magma" };
    private readonly Option<double> minDb = new("--min-db") { Description = "Level drawn darkest, dB (0 dB = full-scale sine).", DefaultValueFactory = _ => -90 };
    private readonly Option<double> maxDb = new("--max-db") { Description = "Level drawn brightest, dB.", DefaultValueFactory = _ => 0 };
    private readonly Option<int?> channel = new("--channel") { Description = "Draw one channel (0 = left); default: all channels mixed to mono." };
    private readonly Option<int> fftSize = new("--fft-size") { Description = "STFT size in samples (power of two; hop = a quarter).", DefaultValueFactory = _ => 2048 };
    private readonly Option<bool> noAxes = new("--no-axes") { Description = "Only the picture: no axes, labels or colour bar." };
    private readonly Option<bool> grey = new("--grey") { Description = "The invertible grey image of the S0 datasets (one pixel per cell, dB range in PNG text)." };
    private readonly Option<string?> title = new("--title") { Description = "Title above the plot (default: the file name)." };
    private readonly Option<bool> force = new("--force") { Description = "Replace an existing PNG." };

    public SpectrogramOptions()
    {
        scale.AcceptOnlyFromAmong("linear", "mel");
        colourMap.AcceptOnlyFromAmong([.. ColourMap.BuiltIn.Select(m => m.Name)]);
    }

    public void AddTo(Command command)
    {
        command.Arguments.Add(input);
        foreach (Option option in new Option[] { output, width, height, pixelsPerSecond, lowHz, highHz, scale, colourMap, minDb, maxDb, channel, fftSize, noAxes, grey, title, force })
        {
            command.Options.Add(option);
        }
    }

    /// <exception cref="UsageException">A value is out of range.</exception>
    public SpectrogramRequest Read(ParseResult parse)
    {
        string path = parse.GetValue(input)!;
        bool isGrey = parse.GetValue(grey);
        ColourMap.TryGet(parse.GetValue(colourMap)!, out ColourMap map);
        var settings = new SpectrogramSettings
        {
            Width = parse.GetValue(width) ?? (isGrey ? 256 : 900),
            Height = parse.GetValue(height) ?? (isGrey ? 256 : 400),
            PixelsPerSecond = parse.GetValue(pixelsPerSecond),
            LowHertz = parse.GetValue(lowHz),
            HighHertz = parse.GetValue(highHz),
            Scale = parse.GetValue(scale) == "mel" ? FrequencyScale.Mel : FrequencyScale.Linear,
            ColourMap = map,
            MinDecibels = parse.GetValue(minDb),
            MaxDecibels = parse.GetValue(maxDb),
            Channel = parse.GetValue(channel),
            FftSize = parse.GetValue(fftSize),
            Axes = !parse.GetValue(noAxes) && !isGrey,
            Title = parse.GetValue(title) ?? Path.GetFileName(path),
        };
        try
        {
            settings.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
        return new SpectrogramRequest(path, parse.GetValue(output)!, settings, isGrey, parse.GetValue(force));
    }
}
