using Demix.Audio;
using Demix.Separation.Methods.Center;
using Demix.Separation.Methods.Karaoke;
using Demix.Separation.Pipeline;
using Demix.Separation.Tests.Support;

namespace Demix.Separation.Tests.Pipeline;

public sealed class SeparationPipelineTests
{
    /// <summary>Stem 0 = 0.25 x mix, stem 1 = 0.75 x mix, at a declared rate.</summary>
    private sealed class GainSeparator(int? rate) : ISeparator
    {
        public int? SampleRate => rate;
        public int ChannelCount => 2;
        public IReadOnlyList<string> Stems { get; } = ["quarter", "rest"];

        public float[][][] Separate(float[][] mix, int sampleRate)
        {
            Assert.Equal(rate ?? sampleRate, sampleRate);
            return [[.. mix.Select(c => c.Select(v => 0.25f * v).ToArray())], [.. mix.Select(c => c.Select(v => 0.75f * v).ToArray())]];
        }
    }

    private static TrackSummary Run(ISeparationMethod method, string input, TempFolder folder, PipelineOptions? options = null,
        IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        using IAudioSource source = AudioFile.Open(input);
        using var outputs = new FileStemOutputs(stem => folder.File($"out/{stem}.wav"),
            (path, format) => AudioFile.Create(path, format, new AudioWriteOptions { BitDepth = WavSampleFormat.Float32 }));
        return new SeparationPipeline(method, options).Run(source, input, outputs, progress, cancellation);
    }

    [Fact]
    public void MonoInput_GivesMonoStems_OfTheSameLengthAndRate()
    {
        using var folder = new TempFolder();
        float[] sine = Signals.Sine(440, 22050, 30000);
        WavWriter.Write(folder.File("mono.wav"), new Waveform([sine], 22050), WavSampleFormat.Float32);

        Run(new CenterMethod(), folder.File("mono.wav"), folder);

        Waveform vocals = AudioFile.Read(folder.File("out/vocals.wav"));
        Waveform accompaniment = AudioFile.Read(folder.File("out/accompaniment.wav"));
        Assert.Equal(new AudioFormat(22050, 1), vocals.Format);
        Assert.Equal(30000, vocals.FrameCount);
        Assert.Equal(30000, accompaniment.FrameCount);
        Assert.True(Signals.ErrorEnergy(vocals.Channels[0], sine) < 1e-3 * Signals.Energy(sine));   // mono is dead centre
    }

    [Fact]
    public void SixChannels_WithoutDownmix_FailsNamingTheFile_AndWritesNothing()
    {
        using var folder = new TempFolder();
        var six = Waveform.Silence(6, 1000, 44100);
        WavWriter.Write(folder.File("surround.wav"), six);

        var error = Assert.Throws<AudioFormatException>(() => Run(new CenterMethod(), folder.File("surround.wav"), folder));

        Assert.Contains("surround.wav", error.Message);
        Assert.Contains("--downmix", error.Message);
        Assert.Equal(["surround.wav"], folder.Files());
    }

    [Fact]
    public void SixChannels_WithDownmix_GivesStereoStems()
    {
        using var folder = new TempFolder();
        float[][] channels = [.. Enumerable.Range(0, 6).Select(c => Signals.Sine(300 + 100 * c, 44100, 5000))];
        WavWriter.Write(folder.File("surround.wav"), new Waveform(channels, 44100), WavSampleFormat.Float32);

        Run(new InvertKaraokeMethod(), folder.File("surround.wav"), folder, new PipelineOptions { Downmix = true });

        Waveform vocals = AudioFile.Read(folder.File("out/vocals.wav"));
        Assert.Equal(new AudioFormat(44100, 2), vocals.Format);
        float[][] gains = ChannelMapping.StereoDownmixGains(6);
        float[][] stereo = Planar.Allocate(2, 5000);
        ChannelMapping.Mix(gains, channels, 5000, stereo);
        for (int i = 0; i < 5000; i += 97) Assert.Equal(0.5f * (stereo[0][i] + stereo[1][i]), vocals.Channels[0][i], 1e-5f);
    }

    [Fact]
    public void MethodRate_IsReachedAndLeft_ByResampling()
    {
        using var folder = new TempFolder();
        float[] sine = Signals.Sine(1000, 44100, 44100);
        WavWriter.Write(folder.File("in.wav"), new Waveform([sine, sine], 44100), WavSampleFormat.Float32);

        Run(new ChunkedMethod("gain", new GainSeparator(16000), 4000, 500), folder.File("in.wav"), folder);

        Waveform quarter = AudioFile.Read(folder.File("out/quarter.wav"));
        Assert.Equal(new AudioFormat(44100, 2), quarter.Format);
        Assert.Equal(44100, quarter.FrameCount);
        float[] expected = [.. sine.Select(v => 0.25f * v)];
        double error = Signals.ErrorEnergy(Signals.Middle(quarter.Channels[0], 500), Signals.Middle(expected, 500));
        Assert.True(error < 1e-6 * Signals.Energy(Signals.Middle(expected, 500)), $"error energy {error}");
    }

    [Fact]
    public void OutputSampleRate_ResamplesTheStems()
    {
        using var folder = new TempFolder();
        WavWriter.Write(folder.File("in.wav"), new Waveform([Signals.Sine(500, 48000, 48000), Signals.Sine(700, 48000, 48000)], 48000));

        TrackSummary summary = Run(new CenterMethod(), folder.File("in.wav"), folder, new PipelineOptions { OutputSampleRate = 16000 });

        Waveform vocals = AudioFile.Read(folder.File("out/vocals.wav"));
        Assert.Equal(new AudioFormat(16000, 2), vocals.Format);
        Assert.Equal(16000, vocals.FrameCount);
        Assert.Equal(1.0, summary.DurationSeconds, 6);
    }

    [Fact]
    public void Cancellation_LeavesNoOutput()
    {
        using var folder = new TempFolder();
        WavWriter.Write(folder.File("in.wav"), new Waveform([Signals.Noise(200000, 1), Signals.Noise(200000, 2)], 44100));
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(p => { if (p > 0.2) cancel.Cancel(); });

        Assert.ThrowsAny<OperationCanceledException>(() =>
            Run(new CenterMethod(), folder.File("in.wav"), folder, new PipelineOptions { BlockFrames = 4096 }, progress, cancel.Token));

        Assert.Equal(["in.wav"], folder.Files());
    }

    [Fact]
    public void Progress_RisesToOne()
    {
        using var folder = new TempFolder();
        WavWriter.Write(folder.File("in.wav"), new Waveform([Signals.Noise(100000, 1), Signals.Noise(100000, 2)], 44100));
        var reports = new List<double>();

        Run(new CenterMethod(), folder.File("in.wav"), folder, new PipelineOptions { BlockFrames = 8192 }, new SynchronousProgress(reports.Add));

        Assert.True(reports.Count > 5);
        Assert.Equal(1.0, reports[^1]);
        Assert.True(reports.Zip(reports.Skip(1), (a, b) => b >= a).All(x => x));
    }

    /// <summary>IProgress that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
