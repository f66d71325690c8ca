using System.CommandLine;
using System.Globalization;
using Demix.Audio;
using Demix.Cli.Info;
using Spectre.Console;

namespace Demix.Cli.Commands;

/// <summary><c>demix info &lt;file&gt;</c>: format, duration, rate, channels, peak and RMS level.</summary>
public static class InfoCommand
{
    /// <summary>Builds the command; its action writes to <paramref name="console"/>.</summary>
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "An audio file." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var command = new Command("info", "Show an audio file's format, duration, rate, channels, peak and RMS level.") { file, json };
        command.SetAction(parse => Run(console, parse.GetValue(file)!, parse.GetValue(json)));
        return command;
    }

    private static int Run(CliConsole console, string path, bool json)
    {
        try
        {
            string format = Describe(path);
            AudioFormat audio;
            AudioLevels levels;
            using (IAudioSource source = AudioFile.Open(path))
            {
                audio = source.Format;
                levels = AudioLevels.Measure(source);
            }
            var rows = Rows(path, format, audio, levels);
            if (json) WriteJson(console.Out, rows);
            else WriteTable(console.Ansi, rows);
            return ExitCodes.Success;
        }
        catch (AudioFileException e)
        {
            console.WriteError(e.Message);
            return ExitCodes.UserError;
        }
    }

    /// <summary>"WAV, PCM 16-bit" for WAV files; the container and codec ffprobe reports otherwise.</summary>
    private static string Describe(string path)
    {
        if (AudioFile.IsWav(path))
        {
            WavHeader header = WavReader.ReadHeader(path);
            return $"WAV{(header.IsRf64 ? " (RF64)" : "")}, {header.SampleFormat}";
        }
        MediaProbe probe = FfprobeReader.Probe(path);
        string codec = probe.AudioStreams.Count > 0 ? probe.AudioStreams[0].CodecDescription : "no audio stream";
        string streams = probe.AudioStreams.Count > 1 ? $", {probe.AudioStreams.Count} audio streams (the first is used)" : "";
        return $"{probe.ContainerDescription}, {codec}{streams}";
    }

    private static (string Key, string Value)[] Rows(string path, string format, AudioFormat audio, AudioLevels levels)
    {
        CultureInfo invariant = CultureInfo.InvariantCulture;
        return
        [
            ("file", path),
            ("format", format),
            ("duration", string.Create(invariant, $"{(double)levels.FrameCount / audio.SampleRate:F3} s")),
            ("frames", levels.FrameCount.ToString(invariant)),
            ("sampleRate", string.Create(invariant, $"{audio.SampleRate} Hz")),
            ("channels", audio.ChannelCount.ToString(invariant)),
            ("peak", AudioLevels.Format(levels.PeakDecibels)),
            ("rms", AudioLevels.Format(levels.RmsDecibels)),
        ];
    }

    private static void WriteTable(IAnsiConsole console, (string Key, string Value)[] rows)
    {
        var table = new Table().HideHeaders().AddColumns("", "");
        foreach (var (key, value) in rows) table.AddRow(Markup.Escape(key), Markup.Escape(value));
        console.Write(table);
    }

    private static void WriteJson(TextWriter output, (string Key, string Value)[] rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(stream, new System.Text.Json.JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in rows) writer.WriteString(key, value);
            writer.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
