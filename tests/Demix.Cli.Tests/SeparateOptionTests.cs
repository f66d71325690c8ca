using System.Text.Json;
using Demix.Audio;
using Demix.Cli.Tests.Support;

namespace Demix.Cli.Tests;

public sealed class SeparateOptionTests
{
    [Fact]
    public void Stems_WritesOnlyTheNamedStems()
    {
        using var folder = new TestFolder();
        string input = folder.Wav("song.wav", 2, 44100, 4410);

        Assert.Equal(0, CliRun.Of("separate", input, "-o", folder["out"], "-q", "--stems", "accompaniment").ExitCode);

        Assert.Equal(["song/accompaniment.wav"], folder.FilesUnder("out"));
    }

    [Fact]
    public void Name_PatternWithMethodAndExtension()
    {
        using var folder = new TestFolder();
        string input = folder.Wav("song.wav", 2, 44100, 4410);

        CliRun run = CliRun.Of("separate", input, "-o", folder["out"], "-q", "--method", "karaoke-invert", "--name", "{method}/{track}_{stem}.{ext}");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["karaoke-invert/song_accompaniment.wav", "karaoke-invert/song_vocals.wav"], folder.FilesUnder("out"));
    }

    [Fact]
    public void Folders_AreSearchedRecursively_KeepingTheirLayout()
    {
        using var folder = new TestFolder();
        folder.Wav("in/a.wav", 2, 44100, 2000);
        folder.Wav("in/sub/b.wav", 1, 16000, 2000);
        folder.Bytes("in/notes.txt", [1, 2, 3]);

        CliRun run = CliRun.Of("separate", folder["in"], "-o", folder["out"], "-q", "--jobs", "2");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["a/accompaniment.wav", "a/vocals.wav", "sub/b/accompaniment.wav", "sub/b/vocals.wav"], folder.FilesUnder("out"));
    }

    [Fact]
    public void OutputFolderInsideAnInputFolder_IsNotTakenAsInput()
    {
        using var folder = new TestFolder();
        folder.Wav("music/a.wav", 2, 44100, 2000);
        Assert.Equal(0, CliRun.Of("separate", folder["music"], "-o", folder["music/separated"], "-q").ExitCode);

        CliRun again = CliRun.Of("separate", folder["music"], "-o", folder["music/separated"], "-q", "--force");

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal(["a/accompaniment.wav", "a/vocals.wav"], folder.FilesUnder("music/separated"));
    }

    [Fact]
    public void Json_ReportsEveryInput_AndTheExitCodeReflectsTheWorst()
    {
        using var folder = new TestFolder();
        string good = folder.Wav("good.wav", 2, 44100, 4410);

        CliRun run = CliRun.Of("separate", good, folder["missing.wav"], "-o", folder["out"], "--json");

        Assert.Equal(ExitCodes.UserError, run.ExitCode);
        using JsonDocument report = JsonDocument.Parse(run.Output);
        JsonElement[] tracks = [.. report.RootElement.GetProperty("tracks").EnumerateArray()];
        Assert.Equal(2, tracks.Length);
        Assert.Contains(tracks, t => t.GetProperty("status").GetString() == "done" && t.GetProperty("outputs").GetProperty("vocals").GetString()!.EndsWith("vocals.wav"));
        Assert.Contains(tracks, t => t.GetProperty("status").GetString() == "bad-input" && t.GetProperty("error").GetString()!.Contains("missing.wav"));
        Assert.Equal(1, report.RootElement.GetProperty("separated").GetInt32());
    }

    [Theory]
    [InlineData("flac", "24")]
    [InlineData("mp3", null)]
    [InlineData("wav", "24")]
    public void Format_AndBitDepth_AreWritten(string format, string? bitDepth)
    {
        using var folder = new TestFolder();
        string input = folder.Wav("song.wav", 2, 44100, 44100);
        string[] extra = bitDepth is null ? ["--bitrate", "128"] : ["--bit-depth", bitDepth];

        CliRun run = CliRun.Of(["separate", input, "-o", folder["out"], "-q", "--format", format, .. extra]);

        Assert.True(run.ExitCode == 0, run.Error);
        Waveform vocals = AudioFile.Read(folder[$"out/song/vocals.{format}"]);
        Assert.Equal(new AudioFormat(44100, 2), vocals.Format);
        if (format == "wav") Assert.Equal(WavSampleFormat.Pcm24, WavReader.ReadHeader(folder["out/song/vocals.wav"]).SampleFormat);
    }

    [Fact]
    public void SampleRate_ResamplesTheOutputs()
    {
        using var folder = new TestFolder();
        string input = folder.Wav("song.wav", 2, 44100, 44100);

        Assert.Equal(0, CliRun.Of("separate", input, "-o", folder["out"], "-q", "--sample-rate", "22050").ExitCode);

        Waveform vocals = AudioFile.Read(folder["out/song/vocals.wav"]);
        Assert.Equal(new AudioFormat(22050, 2), vocals.Format);
        Assert.Equal(22050, vocals.FrameCount);
    }

    [Fact]
    public void Table_IsPrintedUnlessQuiet()
    {
        using var folder = new TestFolder();
        string input = folder.Wav("song.wav", 2, 44100, 4410);

        CliRun run = CliRun.Of("separate", input, "-o", folder["out"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 of 1 input(s) separated", run.Output);
        Assert.Contains("done", run.Output);
    }

    [Theory]
    [InlineData("--jobs", "0")]
    [InlineData("--format", "aiff")]
    [InlineData("--bit-depth", "8")]
    [InlineData("--method", "bogus")]
    [InlineData("--stems", "drums")]
    [InlineData("--name", "{track}/{instrument}.{ext}")]
    [InlineData("--name", "{track}.{ext}")]
    [InlineData("--strength", "2")]
    [InlineData("--sample-rate", "5")]
    [InlineData("--bitrate", "128")]   // wav has no bit rate
    [InlineData("--no-such-option", "1")]
    public void BadOptions_AreUserErrors(string option, string value)
    {
        using var folder = new TestFolder();
        string input = folder.Wav("song.wav", 2, 44100, 4410);

        CliRun run = CliRun.Of("separate", input, "-o", folder["out"], option, value);

        Assert.Equal(ExitCodes.UserError, run.ExitCode);
        Assert.StartsWith("demix: error: ", run.ErrorLines[0]);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Empty(folder.FilesUnder("out"));
    }

    [Fact]
    public void Version_PrintsTheVersion()
    {
        CliRun run = CliRun.Of("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("0.1.0", run.Output.Trim());
    }

    [Fact]
    public void NoCommand_IsAUserError() => Assert.Equal(ExitCodes.UserError, CliRun.Of().ExitCode);
}
