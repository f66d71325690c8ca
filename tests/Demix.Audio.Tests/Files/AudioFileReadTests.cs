namespace Demix.Audio.Tests;

public sealed class AudioFileReadTests
{
    [Fact]
    public void Open_Wav_UsesOurDecoder()
    {
        using var folder = new TempFolder();
        WavWriter.Write(folder.File("x.wav"), Waveform.Silence(2, 100, 44_100));

        using IAudioSource source = AudioFile.Open(folder.File("x.wav"));

        Assert.IsType<WavSource>(source);
    }

    [Fact]
    public void Open_WavWithOtherExtension_IsSniffedAsWav()
    {
        using var folder = new TempFolder();
        WavWriter.Write(folder.File("x.mp3"), Waveform.Silence(2, 100, 44_100));

        using IAudioSource source = AudioFile.Open(folder.File("x.mp3"));

        Assert.IsType<WavSource>(source);
    }

    [Fact]
    public void Open_ALawWav_FallsBackToFfmpeg()
    {
        using var folder = new TempFolder();
        string path = folder.File("alaw.wav");
        FfmpegCli.Tone(path, "pcm_alaw", 1, 8_000);

        Assert.Throws<AudioFormatException>(() => WavReader.Read(path));
        Waveform waveform = AudioFile.Read(path);

        Assert.Equal(new AudioFormat(8_000, 1), waveform.Format);
        Assert.Equal(1_600, waveform.FrameCount);
    }

    [Fact]
    public void Open_WavOfACodecNobodyKnows_SaysUnsupportedCodec()
    {
        using var folder = new TempFolder();
        string path = folder.File("odd.wav");
        File.WriteAllBytes(path, new WavBytes().Fmt(0x1234, 2, 44_100, 16).Chunk("data", new byte[4_000]).ToArray());

        var error = Assert.Throws<AudioFormatException>(() => AudioFile.Read(path));

        Assert.True(error.IsUnsupportedCodec);
        Assert.Equal("unsupported WAV codec 0x1234 (unknown codec), which ffmpeg cannot decode either.", error.Problem);
    }

    [Theory]
    [InlineData(10, "truncated WAV header: the file has only 10 bytes")]
    [InlineData(30, "ends inside the 'fmt' chunk")]
    public void Read_TruncatedWav_IsReportedByOurDecoder(int keptBytes, string expected)
    {
        using var folder = new TempFolder();
        string path = folder.File("cut.wav");
        File.WriteAllBytes(path, new WavBytes().Fmt(1, 2, 44_100, 16).Chunk("data", new byte[400]).ToArray()[..keptBytes]);

        var error = Assert.Throws<AudioFormatException>(() => AudioFile.Read(path));

        Assert.Contains(expected, error.Problem);
    }

    [Fact]
    public void Read_ZeroLengthWav_SaysNoAudio()
    {
        using var folder = new TempFolder();
        string path = folder.File("none.wav");
        File.WriteAllBytes(path, new WavBytes().Fmt(1, 2, 44_100, 16).Chunk("data", []).ToArray());

        var error = Assert.Throws<AudioFormatException>(() => AudioFile.Read(path));

        Assert.Contains("holds no audio", error.Problem);
    }

    [Fact]
    public void Read_WavWithTargetRate_ResamplesWithOurResampler()
    {
        using var folder = new TempFolder();
        WavWriter.Write(folder.File("x.wav"), Signals.Sines(2, 44_100, 44_100), WavSampleFormat.Float32);

        Waveform waveform = AudioFile.Read(folder.File("x.wav"), new AudioReadOptions { SampleRate = 16_000 });

        Assert.Equal(new AudioFormat(16_000, 2), waveform.Format);
        Assert.Equal(16_000, waveform.FrameCount);
        Assert.Equal(0.5, SineFit.Of(waveform.Channels[0], 16_000, 440, 2_000, 12_000).Amplitude, 1e-4);
    }

    [Fact]
    public void Open_WavStreamIndexOne_SaysWavHasOneStream()
    {
        using var folder = new TempFolder();
        WavWriter.Write(folder.File("x.wav"), Waveform.Silence(1, 10, 8_000));

        var error = Assert.Throws<AudioFormatException>(() => AudioFile.Open(folder.File("x.wav"), new AudioReadOptions { StreamIndex = 1 }));

        Assert.Contains("one audio stream", error.Problem);
    }

    [Theory]
    [InlineData("missing.flac", null, "does not exist")]
    [InlineData("empty.mp3", "", "empty (0 bytes)")]
    public void Open_MissingOrEmptyNonWav_SaysSoBeforeCallingFfmpeg(string name, string? content, string expected)
    {
        using var folder = new TempFolder();
        if (content is not null) File.WriteAllText(folder.File(name), content);

        var error = Assert.Throws<AudioFormatException>(() => AudioFile.Open(folder.File(name)));

        Assert.Contains(expected, error.Problem);
    }
}
