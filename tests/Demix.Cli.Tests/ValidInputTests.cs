using Demix.Audio;
using Demix.Cli.Tests.Support;

namespace Demix.Cli.Tests;

/// <summary>Unusual but valid inputs: each works, and the stems keep the input's channel count and rate.</summary>
public sealed class ValidInputTests
{
    private static void AssertSeparated(TestFolder folder, string input, int channels, int sampleRate, int frames, string method = "center")
    {
        CliRun run = CliRun.Of("separate", input, "-o", folder["out"], "-q", "--method", method);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        string track = Path.GetFileNameWithoutExtension(input);
        foreach (string stem in new[] { "vocals", "accompaniment" })
        {
            Waveform output = AudioFile.Read(folder[$"out/{track}/{stem}.wav"]);
            Assert.Equal(new AudioFormat(sampleRate, channels), output.Format);
            Assert.Equal(frames, output.FrameCount);
            Assert.All(output.Channels, channel => Assert.All(channel, v => Assert.True(float.IsFinite(v))));
        }
    }

    [Theory]
    [InlineData("center")]
    [InlineData("repet-sim")]
    [InlineData("karaoke-invert")]
    public void OneSample(string method)
    {
        using var folder = new TestFolder();
        AssertSeparated(folder, folder.Write("one.wav", new Waveform([[0.5f], [0.25f]], 44100)), 2, 44100, 1, method);
    }

    [Fact]
    public void DigitalSilence()
    {
        using var folder = new TestFolder();
        string input = folder.Write("silence.wav", Waveform.Silence(2, 44100, 44100));

        AssertSeparated(folder, input, 2, 44100, 44100);
        Assert.All(AudioFile.Read(folder["out/silence/vocals.wav"]).Channels[0], v => Assert.Equal(0f, v));
    }

    [Fact]
    public void EightKilohertz()
    {
        using var folder = new TestFolder();
        AssertSeparated(folder, folder.Wav("low.wav", 2, 8000, 8000), 2, 8000, 8000, "repet-sim");
    }

    [Fact]
    public void OneHundredNinetyTwoKilohertz()
    {
        using var folder = new TestFolder();
        AssertSeparated(folder, folder.Wav("high.wav", 2, 192000, 96000), 2, 192000, 96000);
    }

    [Theory]
    [InlineData("center")]
    [InlineData("repet-sim")]
    public void Mono(string method)
    {
        using var folder = new TestFolder();
        AssertSeparated(folder, folder.Wav("mono.wav", 1, 22050, 22050), 1, 22050, 22050, method);
    }

    [Fact]
    public void SixChannelsWithDownmix_GivesStereo()
    {
        using var folder = new TestFolder();
        AssertSeparatedWith(folder, folder.Wav("surround.wav", 6, 48000, 4800), "--downmix");
        Assert.Equal(2, AudioFile.Read(folder["out/surround/vocals.wav"]).ChannelCount);
    }

    private static void AssertSeparatedWith(TestFolder folder, string input, params string[] extra)
    {
        CliRun run = CliRun.Of(["separate", input, "-o", folder["out"], "-q", .. extra]);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
    }
}
