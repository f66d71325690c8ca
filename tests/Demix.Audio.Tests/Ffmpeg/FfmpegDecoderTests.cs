using Demix.Tests.Shared;

namespace Demix.Audio.Tests;

public sealed class FfmpegDecoderTests
{
    private static string StemFile => Path.Combine(RepositoryPaths.Data("musdb18-7", "train"), "ANiMAL - Clinic A.stem.mp4");

    [Fact]
    public void Open_StemMp4Streams0And4_AreStereo441AboutSixPointEightSeconds()
    {
        Waveform mixture = AudioFile.Read(StemFile, new AudioReadOptions { StreamIndex = 0 });
        Waveform vocals = AudioFile.Read(StemFile, new AudioReadOptions { StreamIndex = 4 });

        foreach (Waveform stem in new[] { mixture, vocals })
        {
            Assert.Equal(new AudioFormat(44_100, 2), stem.Format);
            Assert.InRange(stem.DurationSeconds, 6.7, 6.9);
            Assert.True(SineFit.Rms(stem.Channels[0], 0, stem.FrameCount) > 1e-3);
        }
        Assert.True(Signals.MaxDifference(mixture, vocals) > 0.01);
    }

    [Fact]
    public void Probe_StemMp4_ListsFiveAacStreams()
    {
        MediaProbe probe = FfprobeReader.Probe(StemFile);

        Assert.Equal(5, probe.AudioStreams.Count);
        Assert.All(probe.AudioStreams, s => Assert.Equal("aac", s.CodecName));
        Assert.Equal([0, 1, 2, 3, 4], probe.AudioStreams.Select(s => s.AudioIndex));
        Assert.InRange(probe.DurationSeconds ?? 0, 6.7, 6.9);
    }

    [Fact]
    public void Open_StemMp4Stream5_SaysItDoesNotExist()
    {
        var error = Assert.Throws<AudioFormatException>(() => AudioFile.Open(StemFile, new AudioReadOptions { StreamIndex = 5 }));

        Assert.Contains("has 5 audio stream(s)", error.Problem);
    }

    [Fact]
    public void Open_Mir1kOpusAt16k_IsStereoAt16kWithTheProbedDuration()
    {
        string clip = RepositoryPaths.Data("mir-1k", "Wavfile", "Ani_1_01.opus");
        double probed = FfprobeReader.Probe(clip).AudioStreams[0].DurationSeconds ?? FfprobeReader.Probe(clip).DurationSeconds!.Value;

        Waveform waveform = AudioFile.Read(clip, new AudioReadOptions { SampleRate = 16_000 });
        using IAudioSource source = AudioFile.Open(clip, new AudioReadOptions { SampleRate = 16_000 });
        using FfmpegDecoder direct = FfmpegDecoder.Open(clip, sampleRate: 16_000);
        Waveform byFfmpeg = direct.ReadAll();

        Assert.Equal(new AudioFormat(16_000, 2), waveform.Format);
        Assert.InRange(waveform.DurationSeconds, probed - 0.03, probed + 0.03);
        Assert.True(SineFit.Rms(waveform.Channels[1], 0, waveform.FrameCount) > 1e-3);
        Assert.IsType<SincResampler>(source);
        Assert.Equal(new AudioFormat(16_000, 2), direct.Format);
        Assert.InRange(byFfmpeg.FrameCount, waveform.FrameCount - 16, waveform.FrameCount + 16);
    }

    [Fact]
    public void Open_NotAudio_SaysFfprobeCannotReadIt()
    {
        using var folder = new TempFolder();
        string path = folder.File("noise.mp3");
        File.WriteAllBytes(path, [.. Enumerable.Range(0, 4000).Select(i => (byte)(i * 7919 % 251))]);

        var error = Assert.Throws<AudioFormatException>(() => AudioFile.Read(path));

        Assert.Contains("ffprobe cannot read the file", error.Problem);
        Assert.Contains("noise.mp3", error.Message);
    }

    [Fact]
    public void Open_ZeroLengthFlac_SaysNoAudio()
    {
        using var folder = new TempFolder();
        string path = folder.File("empty.flac");
        FfmpegCli.Run("-f", "lavfi", "-i", "anullsrc=r=44100:cl=stereo", "-t", "0", "-c:a", "flac", path);

        var error = Assert.Throws<AudioFormatException>(() => AudioFile.Read(path));

        Assert.Contains("no audio", error.Problem);
    }

    [Fact]
    public void Dispose_BeforeTheEnd_StopsFfmpegAtOnce()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using (IAudioSource source = AudioFile.Open(StemFile))
        {
            Assert.True(source.Read(new float[2 * 1024]) > 0);
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Find_NoFfmpegAnywhere_IsNullAndTheErrorSaysHowToInstall()
    {
        using var folder = new TempFolder();

        Assert.Null(FfmpegTools.Find(null, folder.Path));
        Assert.Null(FfmpegTools.Find(folder.File("ffmpeg"), null));
        var error = FfmpegTools.Missing("song.mp3");
        Assert.Contains("song.mp3", error.Message);
        Assert.Contains("ffmpeg", error.Problem);
        Assert.Contains("apt-get install ffmpeg", error.Problem);
    }

    [Fact]
    public void Open_ToolsThatCannotRun_SaysFfprobeCannotBeStarted()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("ffmpeg"), "not a program");
        File.WriteAllText(folder.File("ffprobe"), "not a program");
        FfmpegTools tools = FfmpegTools.Find(folder.File("ffmpeg"), null)!;

        var error = Assert.Throws<AudioFormatException>(() => FfmpegDecoder.Open(StemFile, tools: tools));

        Assert.Contains("ffprobe is needed to read this file, but", error.Problem);
        Assert.Contains("cannot be started", error.Problem);
    }

    [Fact]
    public void Find_ExplicitPath_FindsFfprobeBesideIt()
    {
        FfmpegTools? tools = FfmpegTools.Find(FfmpegCli.Tools.FfmpegPath, null);

        Assert.NotNull(tools);
        Assert.Equal(Path.Combine(Path.GetDirectoryName(FfmpegCli.Tools.FfmpegPath)!, "ffprobe"), tools.FfprobePath);
    }
}
