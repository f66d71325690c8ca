using Demix.Cli.Tests.Support;

namespace Demix.Cli.Tests;

/// <summary>
/// The bad-input list of the foundation issue, end to end through <c>demix separate</c>: each case gives
/// one error line naming the file, exit code 2, and no output file (not even a hidden temporary).
/// </summary>
public sealed class BadInputTests
{
    private static void AssertRefused(TestFolder folder, string input, string expectedProblem, params string[] extraArgs)
    {
        CliRun run = CliRun.Of(["separate", input, "-o", folder["out"], "-q", .. extraArgs]);

        Assert.Equal(ExitCodes.UserError, run.ExitCode);
        string line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("demix: error: ", line);
        Assert.Contains(Path.GetFileName(input), line);
        Assert.Contains(expectedProblem, line, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", run.Error);   // never a stack trace
        Assert.Empty(folder.FilesUnder("out"));
    }

    [Fact]
    public void MissingFile()
    {
        using var folder = new TestFolder();
        AssertRefused(folder, folder["no-such-song.wav"], "no such file");
    }

    [Fact]
    public void EmptyFile()
    {
        using var folder = new TestFolder();
        AssertRefused(folder, folder.Bytes("empty.wav", []), "empty");
    }

    [Fact]
    public void TruncatedWavHeader()
    {
        using var folder = new TestFolder();
        byte[] whole = WavBytes.Pcm16Stereo(100);
        AssertRefused(folder, folder.Bytes("truncated.wav", whole[..30]), "");
    }

    [Fact]
    public void AbsurdChunkSize()
    {
        using var folder = new TestFolder();
        byte[] bytes = WavBytes.Build(1, 2, 44100, 16, 400, new byte[400], fmtChunkSize: 0x7FFFFFF0);
        AssertRefused(folder, folder.Bytes("absurd.wav", bytes), "");
    }

    [Fact]
    public void UnsupportedCodec()
    {
        using var folder = new TestFolder();
        byte[] bytes = WavBytes.Build(0x7A7A, 2, 44100, 16, 400, new byte[400]);   // a codec tag nobody knows
        AssertRefused(folder, folder.Bytes("strange-codec.wav", bytes), "");
    }

    [Fact]
    public void NotAudioAtAll()
    {
        using var folder = new TestFolder();
        byte[] noise = new byte[3000];
        new Random(3).NextBytes(noise);
        AssertRefused(folder, folder.Bytes("noise.mp3", noise), "");
    }

    [Fact]
    public void ZeroLengthAudio()
    {
        using var folder = new TestFolder();
        AssertRefused(folder, folder.Bytes("zero.wav", WavBytes.Build(1, 2, 44100, 16, 0, [])), "no audio");
    }

    [Fact]
    public void OutputFolderCannotBeWritten()
    {
        using var folder = new TestFolder();
        string input = folder.Wav("song.wav", 2, 44100, 4410);
        folder.Bytes("blocker", [1, 2, 3]);   // a file where the output folder should go

        CliRun run = CliRun.Of("separate", input, "-o", Path.Combine(folder["blocker"], "out"), "-q");

        Assert.Equal(ExitCodes.UserError, run.ExitCode);
        Assert.Contains("cannot be written", Assert.Single(run.ErrorLines));
        Assert.Equal(["blocker", "song.wav"], folder.FilesUnder(""));
    }

    [Fact]
    public void SixChannelsWithoutDownmix()
    {
        using var folder = new TestFolder();
        AssertRefused(folder, folder.Wav("surround.wav", 6, 48000, 4800), "--downmix");
    }

    [Fact]
    public void OneStemFailing_LeavesNoneOfTheTracksStems()
    {
        using var folder = new TestFolder();
        string input = folder.Wav("song.wav", 2, 44100, 4410);
        Directory.CreateDirectory(folder["out/song/accompaniment.wav"]);   // the second stem cannot be created

        CliRun run = CliRun.Of("separate", input, "-o", folder["out"], "-q");

        Assert.Equal(ExitCodes.UserError, run.ExitCode);
        Assert.Contains("accompaniment.wav", Assert.Single(run.ErrorLines));
        Assert.Empty(folder.FilesUnder("out"));   // no vocals.wav, no temporaries
    }

    [Fact]
    public void ExistingOutput_WithoutForce_IsRefused_AndKept()
    {
        using var folder = new TestFolder();
        string input = folder.Wav("song.wav", 2, 44100, 4410);
        Assert.Equal(0, CliRun.Of("separate", input, "-o", folder["out"], "-q").ExitCode);
        byte[] before = File.ReadAllBytes(folder["out/song/vocals.wav"]);

        CliRun again = CliRun.Of("separate", input, "-o", folder["out"], "-q");

        Assert.Equal(ExitCodes.UserError, again.ExitCode);
        Assert.Contains("--force", Assert.Single(again.ErrorLines));
        Assert.Equal(before, File.ReadAllBytes(folder["out/song/vocals.wav"]));
        Assert.Equal(["song/accompaniment.wav", "song/vocals.wav"], folder.FilesUnder("out"));
        Assert.Equal(0, CliRun.Of("separate", input, "-o", folder["out"], "-q", "--force").ExitCode);
    }
}
