namespace Demix.Audio.Tests;

public sealed class AudioFileWriteTests
{
    [Theory]
    [InlineData(WavSampleFormat.Pcm16, 16)]
    [InlineData(WavSampleFormat.Pcm24, 24)]
    public void Write_Flac_RoundTripsBitExact(WavSampleFormat depth, int bits)
    {
        using var folder = new TempFolder();
        Waveform original = Signals.IntegerGrid(bits, channelCount: 2, frameCount: 20_000, seed: bits);

        AudioFile.Write(folder.File("x.flac"), original, new AudioWriteOptions { BitDepth = depth });
        Waveform decoded = AudioFile.Read(folder.File("x.flac"));

        Signals.AssertIdentical(original, decoded);
        Assert.Equal(["x.flac"], folder.FileNames());
    }

    [Theory]
    [InlineData("mp3")]
    [InlineData("ogg")]
    [InlineData("opus")]
    [InlineData("m4a")]
    public void Write_Lossy_KeepsTheToneAndChannelCount(string extension)
    {
        using var folder = new TempFolder();
        string path = folder.File("tone." + extension);
        Waveform tone = Signals.Sines(channelCount: 2, frameCount: 48_000, sampleRate: 48_000, frequencyHz: 1_000);

        AudioFile.Write(path, tone);
        Waveform decoded = AudioFile.Read(path, new AudioReadOptions { SampleRate = 48_000 });

        Assert.Equal(2, decoded.ChannelCount);
        Assert.InRange(decoded.DurationSeconds, 0.95, 1.1);
        SineFit fit = SineFit.Of(decoded.Channels[0], 48_000, 1_000, 12_000, 24_000);
        Assert.InRange(20 * Math.Log10(fit.Amplitude / 0.5), -0.5, 0.5);
        Assert.True(fit.ResidualRms < 0.5 * 0.03, $"residual {fit.ResidualRms}"); // the tone is 30 dB above the codec noise
    }

    [Fact]
    public void Write_Mp3BitRate_SetsTheFileSize()
    {
        using var folder = new TempFolder();
        Waveform tone = Signals.Sines(channelCount: 2, frameCount: 88_200, sampleRate: 44_100);

        AudioFile.Write(folder.File("64.mp3"), tone, new AudioWriteOptions { BitRateKbps = 64 });
        AudioFile.Write(folder.File("256.mp3"), tone, new AudioWriteOptions { BitRateKbps = 256 });

        // Constant bit rate: 2 s at 64 kbit/s is about 16 kB, at 256 kbit/s about 64 kB.
        Assert.InRange(new FileInfo(folder.File("64.mp3")).Length, 14_000, 20_000);
        Assert.InRange(new FileInfo(folder.File("256.mp3")).Length, 60_000, 70_000);
    }

    [Theory]
    [InlineData(WavSampleFormat.Pcm16)]
    [InlineData(WavSampleFormat.Pcm24)]
    [InlineData(WavSampleFormat.Float32)]
    public void Write_Wav_UsesTheBitDepth(WavSampleFormat depth)
    {
        using var folder = new TempFolder();

        AudioFile.Write(folder.File("x.WAV"), Waveform.Silence(2, 100, 44_100), new AudioWriteOptions { BitDepth = depth });

        Assert.Equal(depth, WavReader.ReadHeader(folder.File("x.WAV")).SampleFormat);
    }

    [Fact]
    public void Write_ExistingFile_RefusesAndKeepsIt_UnlessOverwrite()
    {
        using var folder = new TempFolder();
        string path = folder.File("x.flac");
        File.WriteAllText(path, "precious");

        var error = Assert.Throws<AudioWriteException>(() => AudioFile.Write(path, Waveform.Silence(1, 100, 44_100)));
        Assert.Contains("already exists", error.Problem);
        Assert.Equal("precious", File.ReadAllText(path));

        AudioFile.Write(path, Signals.Sines(1, 100, 44_100), new AudioWriteOptions { Overwrite = true });
        Assert.Equal(100, AudioFile.Read(path).FrameCount);
        Assert.Equal(["x.flac"], folder.FileNames());
    }

    [Fact]
    public void Write_EncoderFails_ClearErrorAndNothingLeftBehind()
    {
        using var folder = new TempFolder();
        Waveform nineChannels = Signals.Sines(channelCount: 9, frameCount: 4_410, sampleRate: 44_100);

        var error = Assert.Throws<AudioWriteException>(() => AudioFile.Write(folder.File("x.mp3"), nineChannels));

        Assert.Contains("ffmpeg", error.Problem);
        Assert.Empty(folder.FileNames());
    }

    [Fact]
    public void Write_UnknownExtension_SaysWhichAreKnown()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<AudioWriteException>(() => AudioFile.Write(folder.File("x.xyz"), Waveform.Silence(1, 10, 8_000)));

        Assert.Contains("unknown output format '.xyz'", error.Problem);
        Assert.Empty(folder.FileNames());
    }

    [Theory]
    [InlineData("FLAC", AudioFileFormat.Flac)]
    [InlineData(".mp3", AudioFileFormat.Mp3)]
    [InlineData("m4a", AudioFileFormat.M4a)]
    [InlineData("wav", AudioFileFormat.Wav)]
    public void TryParse_FormatNames(string name, AudioFileFormat expected)
    {
        Assert.True(AudioFileFormats.TryParse(name, out AudioFileFormat format));
        Assert.Equal(expected, format);
        Assert.False(AudioFileFormats.TryParse("xyz", out _));
    }

    [Theory]
    [InlineData("16", WavSampleFormat.Pcm16)]
    [InlineData("24", WavSampleFormat.Pcm24)]
    [InlineData("32f", WavSampleFormat.Float32)]
    public void TryParseBitDepth_CliValues(string text, WavSampleFormat expected)
    {
        Assert.True(AudioFileFormats.TryParseBitDepth(text, out WavSampleFormat depth));
        Assert.Equal(expected, depth);
        Assert.False(AudioFileFormats.TryParseBitDepth("20", out _));
    }

    [Fact]
    public void Write_FlacAsFloat_IsRefusedClearly()
    {
        using var folder = new TempFolder();
        var options = new AudioWriteOptions { BitDepth = WavSampleFormat.Float32 };

        var error = Assert.Throws<AudioWriteException>(() => AudioFile.Write(folder.File("x.flac"), Waveform.Silence(1, 10, 8_000), options));

        Assert.Contains("FLAC stores 16 or 24-bit integers", error.Problem);
        Assert.Empty(folder.FileNames());
    }

    [Fact]
    public void Create_StreamingFlac_AbandonedLeavesNothing_CompletedAppears()
    {
        using var folder = new TempFolder();
        var format = new AudioFormat(44_100, 2);

        using (IAudioSink abandoned = AudioFile.Create(folder.File("a.flac"), format)) abandoned.Write(new float[4_000]);
        using (IAudioSink sink = AudioFile.Create(folder.File("b.flac"), format))
        {
            for (int i = 0; i < 10; i++) sink.Write(new float[4_000]);
            Assert.Single(folder.FileNames()); // only the hidden temporary file so far
            sink.Complete();
        }

        Assert.Equal(["b.flac"], folder.FileNames());
        Assert.Equal(20_000, AudioFile.Read(folder.File("b.flac")).FrameCount);
    }
}
