using System.Text.Json;
using Demix.Audio;
using Demix.Cli.Tests.Support;

namespace Demix.Cli.Tests;

public sealed class InfoAndDemoTests
{
    [Fact]
    public void Info_ReportsFormatDurationRateChannelsAndLevels()
    {
        using var folder = new TestFolder();
        // Full-scale square wave of +-0.5 on both channels: peak = RMS = -6.02 dBFS.
        float[] square = [.. Enumerable.Range(0, 16000).Select(i => i % 100 < 50 ? 0.5f : -0.5f)];
        string input = folder.Write("square.wav", new Waveform([square, [.. square]], 16000));

        CliRun run = CliRun.Of("info", input, "--json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument info = JsonDocument.Parse(run.Output);
        JsonElement root = info.RootElement;
        Assert.Equal("WAV, Float32", root.GetProperty("format").GetString());
        Assert.Equal("1.000 s", root.GetProperty("duration").GetString());
        Assert.Equal("16000 Hz", root.GetProperty("sampleRate").GetString());
        Assert.Equal("2", root.GetProperty("channels").GetString());
        Assert.Equal("-6.02 dBFS", root.GetProperty("peak").GetString());
        Assert.Equal("-6.02 dBFS", root.GetProperty("rms").GetString());
    }

    [Fact]
    public void Info_OnACompressedFile_NamesTheCodec()
    {
        using var folder = new TestFolder();
        string input = folder.Wav("song.wav", 2, 44100, 44100);
        Assert.Equal(0, CliRun.Of("separate", input, "-o", folder["out"], "-q", "--format", "flac").ExitCode);

        CliRun run = CliRun.Of("info", folder["out/song/vocals.flac"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("FLAC", run.Output);
        Assert.Contains("44100 Hz", run.Output);
    }

    [Fact]
    public void Info_OnAMissingFile_IsAUserError()
    {
        CliRun run = CliRun.Of("info", "/no/such/file.wav");

        Assert.Equal(ExitCodes.UserError, run.ExitCode);
        Assert.Contains("file.wav", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Demo_WritesTheSongAndStems_AndPrintsTheSdrOfEachStem()
    {
        using var folder = new TestFolder();

        CliRun run = CliRun.Of("demo", "-o", folder["demo"], "--duration", "4", "--seed", "5");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["center/accompaniment.wav", "center/vocals.wav", "mixture.wav", "true/accompaniment.wav", "true/vocals.wav"],
            folder.FilesUnder("demo"));
        string[] rows = [.. run.Output.Split('\n').Where(line => line.StartsWith("│ vocals ", StringComparison.Ordinal) || line.StartsWith("│ accompaniment ", StringComparison.Ordinal))];
        Assert.Equal(2, rows.Length);
        foreach (string row in rows)
        {
            double sdr = double.Parse(row.Split('│', StringSplitOptions.TrimEntries)[2], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(sdr > 8, $"SDR {sdr} dB in row '{row}'");
        }
    }
}
