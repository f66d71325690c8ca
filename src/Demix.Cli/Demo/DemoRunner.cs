using System.Globalization;
using Demix.Audio;
using Demix.Separation.Demo;
using Demix.Separation.Methods;
using Demix.Separation.Pipeline;
using Spectre.Console;

namespace Demix.Cli.Demo;

/// <summary>What <c>demix demo</c> does.</summary>
/// <param name="OutputFolder">Where the files go.</param>
/// <param name="Method">Separation method.</param>
/// <param name="Seed">Seed of the song.</param>
/// <param name="DurationSeconds">Length of the song.</param>
/// <param name="Force">Replace earlier files.</param>
public sealed record DemoSettings(string OutputFolder, string Method, int Seed, double DurationSeconds, bool Force);

/// <summary>
/// Writes <c>mixture.wav</c> and the true stems (<c>true/vocals.wav</c>, <c>true/accompaniment.wav</c>),
/// separates the mixture file through the same pipeline as <c>demix separate</c> into
/// <c>&lt;method&gt;/&lt;stem&gt;.wav</c>, and prints each stem's whole-signal SDR.
/// </summary>
public sealed class DemoRunner
{
    private const int SampleRate = 44100;
    private readonly CliConsole console;

    /// <summary>Creates the runner writing to <paramref name="console"/>.</summary>
    public DemoRunner(CliConsole console) => this.console = console;

    /// <summary>Runs the demo; returns the exit code.</summary>
    public int Run(DemoSettings settings)
    {
        try
        {
            DemoSong song = DemoSong.Synthesize(new Random(settings.Seed), SampleRate, settings.DurationSeconds);
            var writeOptions = new AudioWriteOptions { Overwrite = settings.Force, BitDepth = WavSampleFormat.Float32 };
            string mixturePath = Path.Combine(settings.OutputFolder, "mixture.wav");
            AudioFile.Write(mixturePath, song.Mixture, writeOptions);
            AudioFile.Write(Path.Combine(settings.OutputFolder, "true", "vocals.wav"), song.Vocals, writeOptions);
            AudioFile.Write(Path.Combine(settings.OutputFolder, "true", "accompaniment.wav"), song.Accompaniment, writeOptions);
            ISeparationMethod method = MethodRegistry.Create(settings.Method);
            Separate(method, mixturePath, settings, writeOptions);
            Report(settings, song, method);
            return ExitCodes.Success;
        }
        catch (AudioFileException e)
        {
            console.WriteError(e.Message);
            return ExitCodes.UserError;
        }
    }

    private static void Separate(ISeparationMethod method, string mixturePath, DemoSettings settings, AudioWriteOptions writeOptions)
    {
        using IAudioSource source = AudioFile.Open(mixturePath);
        using var outputs = new FileStemOutputs(stem => StemPath(settings, stem), (path, format) => AudioFile.Create(path, format, writeOptions));
        new SeparationPipeline(method).Run(source, mixturePath, outputs);
    }

    private void Report(DemoSettings settings, DemoSong song, ISeparationMethod method)
    {
        var table = new Table().AddColumns("Stem", "SDR (dB)", "Estimate");
        Waveform[] references = [song.Vocals, song.Accompaniment];
        for (int s = 0; s < method.Stems.Count; s++)
        {
            string path = StemPath(settings, method.Stems[s]);
            double sdr = SignalToDistortion.Decibels(references[s], AudioFile.Read(path));
            table.AddRow(method.Stems[s], sdr.ToString("F2", CultureInfo.InvariantCulture), Markup.Escape(path));
        }
        table.Caption($"method {method.Name}, seed {settings.Seed}; SDR = whole-signal 10 log10(|s|^2 / |s - estimate|^2), not museval's BSS Eval v4");
        console.Ansi.WriteLine($"Synthesised {settings.DurationSeconds:F1} s of music in '{settings.OutputFolder}' (mixture.wav, true/), separated with {method.Name}:");
        console.Ansi.Write(table);
    }

    private static string StemPath(DemoSettings settings, string stem) => Path.Combine(settings.OutputFolder, settings.Method, stem + ".wav");
}
