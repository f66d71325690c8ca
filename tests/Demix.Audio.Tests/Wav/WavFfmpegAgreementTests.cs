namespace Demix.Audio.Tests;

/// <summary>Our WAV reader against WAVs written by ffmpeg, decoded by ffmpeg to float32: identical samples.</summary>
public sealed class WavFfmpegAgreementTests
{
    [Theory]
    [InlineData("pcm_u8", 2, WavSampleFormat.Pcm8, false)]
    [InlineData("pcm_s16le", 1, WavSampleFormat.Pcm16, false)]
    [InlineData("pcm_s24le", 2, WavSampleFormat.Pcm24, true)] // ffmpeg writes WAVE_FORMAT_EXTENSIBLE above 16 bits
    [InlineData("pcm_s32le", 2, WavSampleFormat.Pcm32, true)]
    [InlineData("pcm_f32le", 2, WavSampleFormat.Float32, true)]
    [InlineData("pcm_f64le", 2, WavSampleFormat.Float64, true)]
    [InlineData("pcm_s16le", 6, WavSampleFormat.Pcm16, true)]
    public void Read_FfmpegWav_EqualsFfmpegsOwnDecode(string codec, int channelCount, WavSampleFormat expectedFormat, bool extensible)
    {
        using var folder = new TempFolder();
        string path = folder.File("tone.wav");
        FfmpegCli.Tone(path, codec, channelCount);

        Waveform ours = WavReader.Read(path);
        using FfmpegDecoder decoder = FfmpegDecoder.Open(path, tools: FfmpegCli.Tools);
        Waveform theirs = decoder.ReadAll();

        Assert.Equal(expectedFormat, WavReader.ReadHeader(path).SampleFormat);
        Assert.Equal(extensible, WavReader.ReadHeader(path).IsExtensible);
        Assert.Equal(8_820, ours.FrameCount);
        Signals.AssertIdentical(theirs, ours);
    }

    [Fact]
    public void Read_FfmpegRf64_ReadsLikeRiff()
    {
        using var folder = new TempFolder();
        FfmpegCli.Tone(folder.File("riff.wav"), "pcm_s16le", 2);
        FfmpegCli.Tone(folder.File("rf64.wav"), "pcm_s16le", 2, 44_100, "-rf64", "always");

        Assert.True(WavReader.ReadHeader(folder.File("rf64.wav")).IsRf64);
        Signals.AssertIdentical(WavReader.Read(folder.File("riff.wav")), WavReader.Read(folder.File("rf64.wav")));
    }

    [Fact]
    public void Write_OurWavs_FfmpegDecodesTheSameSamples()
    {
        using var folder = new TempFolder();
        Waveform original = Signals.IntegerGrid(24, channelCount: 6, frameCount: 2_000, seed: 1);
        WavWriter.Write(folder.File("ours.wav"), original, WavSampleFormat.Pcm24);

        using FfmpegDecoder decoder = FfmpegDecoder.Open(folder.File("ours.wav"), tools: FfmpegCli.Tools);

        Signals.AssertIdentical(original, decoder.ReadAll());
    }
}
