using System.CommandLine;
using Demix.Training.Config;
using Demix.Training.Data;
using Demix.Training.Datasets;

namespace Demix.Cli.Commands;

/// <summary>
/// <c>demix dataset info|build-images|build-synthetic</c>: inspect a corpus, write S0's spectrogram-image pairs,
/// write S4's synthetic songs. Decoded audio goes through the training cache (<c>$DEMIX_CACHE</c> or <c>cache/</c>).
/// </summary>
public static class DatasetCommand
{
    /// <summary>Builds the command group; its actions write to <paramref name="console"/>.</summary>
    public static Command Create(CliConsole console)
    {
        var command = new Command("dataset", "Inspect training corpora and build derived datasets (spectrogram images, synthetic songs).");
        command.Subcommands.Add(CreateInfo(console));
        command.Subcommands.Add(CreateImages(console));
        command.Subcommands.Add(CreateSynthetic(console));
        return command;
    }

    private static Command CreateInfo(CliConsole console)
    {
        var root = new Argument<string>("root") { Description = "A corpus folder (MUSDB18, DSD100, MIR-1K, ccMixter, track folders or recordings)." };
        var command = new Command("info", "Detect a corpus layout and count its tracks per split.") { root };
        command.SetAction(parse =>
        {
            string folder = parse.GetValue(root)!;
            if (!Directory.Exists(folder)) throw new UsageException($"the data folder '{folder}' does not exist.");
            foreach (DatasetSummary s in DatasetInspector.Describe(folder))
                console.Out.WriteLine($"{s.Kind,-10} {s.Split,-10} {s.Tracks,5} tracks  e.g. {string.Join("; ", s.Examples)}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateImages(CliConsole console)
    {
        var root = new Argument<string>("root") { Description = "A corpus with vocals and accompaniment (e.g. MUSDB18)." };
        var output = new Option<string>("--output", "-o") { Description = "Output folder (A/ mixture, B/ vocals).", Required = true };
        var kind = new Option<string?>("--kind") { Description = "Corpus layout (default: detected)." };
        var split = new Option<string>("--split") { Description = "train, validation, test or all.", DefaultValueFactory = _ => "train" };
        var silence = new Option<double>("--silence-db") { Description = "Chunks whose vocals are quieter (RMS dBFS) are dropped.", DefaultValueFactory = _ => -50 };
        var command = new Command("build-images", "S0: 5 s chunks as 256x256 spectrogram PNG pairs (51.2 px/s, 0-10240 Hz), chunks without vocals dropped.")
            { root, output, kind, split, silence };
        command.SetAction(parse =>
        {
            string folder = parse.GetValue(root)!;
            var source = new SourceConfig { Kind = parse.GetValue(kind) ?? DatasetInspector.DetectKind(folder), Root = folder, Split = parse.GetValue(split)! };
            var (kept, dropped) = SpectrogramImageWriter.Write(source, parse.GetValue(output)!, new AudioCache(AudioCache.DefaultFolder()), parse.GetValue(silence));
            console.Out.WriteLine($"{kept} image pairs written, {dropped} chunks without vocals dropped");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateSynthetic(CliConsole console)
    {
        var voice = new Option<string[]>("--voice") { Description = "Vocal-only recordings folder(s) (or a MIR-1K root: its voice channel).", Required = true, AllowMultipleArgumentsPerToken = true };
        var music = new Option<string[]>("--music") { Description = "Music-only recordings folder(s).", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--output", "-o") { Description = "Output folder (new or empty).", Required = true };
        var count = new Option<int>("--count") { Description = "Songs to write.", DefaultValueFactory = _ => 100 };
        var seconds = new Option<double>("--seconds") { Description = "Seconds per song.", DefaultValueFactory = _ => 5 };
        var rate = new Option<int>("--sample-rate") { Description = "Output rate in Hz.", DefaultValueFactory = _ => 44100 };
        var seed = new Option<int>("--seed") { Description = "Seed of the random choices.", DefaultValueFactory = _ => 1 };
        var noise = new Option<double>("--noise-probability") { Description = "Probability of adding white noise.", DefaultValueFactory = _ => 0.5 };
        var snrLow = new Option<double>("--snr-low") { Description = "Lowest signal-to-noise ratio in dB.", DefaultValueFactory = _ => 10 };
        var snrHigh = new Option<double>("--snr-high") { Description = "Highest signal-to-noise ratio in dB.", DefaultValueFactory = _ => 30 };
        var voiceNoise = new Option<bool>("--voice-noise-only") { Description = "Pre-training set: voice + noise, no music." };
        var command = new Command("build-synthetic", "S4: synthetic songs from vocal-only + music-only recordings + noise at random SNRs.")
            { voice, music, output, count, seconds, rate, seed, noise, snrLow, snrHigh, voiceNoise };
        command.SetAction(parse =>
        {
            var sources = parse.GetValue(voice)!.Select(v => new SourceConfig { Kind = Directory.Exists(Path.Combine(v, "Wavfile")) ? "mir1k" : "voice", Root = v, Split = "all" })
                .Concat((parse.GetValue(music) ?? []).Select(m => new SourceConfig { Kind = "music", Root = m })).ToList();
            var augment = new AugmentConfig
            {
                NoiseProbability = parse.GetValue(noise), NoiseSnrLowDb = parse.GetValue(snrLow), NoiseSnrHighDb = parse.GetValue(snrHigh), VoiceNoiseOnly = parse.GetValue(voiceNoise),
            };
            var settings = new SyntheticSongSettings(parse.GetValue(count), parse.GetValue(seconds), parse.GetValue(rate), parse.GetValue(seed), augment);
            var folders = SyntheticSongWriter.Write(sources, parse.GetValue(output)!, settings, new AudioCache(AudioCache.DefaultFolder()));
            console.Out.WriteLine($"{folders.Count} songs written to {parse.GetValue(output)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
