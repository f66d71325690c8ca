using Demix.Audio;
using Demix.Dsp.Stft;
using Demix.Separation.Pipeline;
using Demix.Separation.Spectral;
using Demix.Separation.Tests.Support;

namespace Demix.Separation.Tests.Spectral;

public sealed class SpectralProcessorStreamTests
{
    /// <summary>Every stem is the mixture frame itself, released one frame at a time after a latency; the stream must then give the input back.</summary>
    private sealed class IdentityProcessor(int stemCount, int latencyFrames) : ISpectralProcessor
    {
        private readonly Queue<(ComplexSpectrogram Block, int Frame)> pending = new();

        public int StemCount => stemCount;

        public void Add(ComplexSpectrogram mixture)
        {
            for (int t = 0; t < mixture.FrameCount; t++) pending.Enqueue((mixture, t));
        }

        public ComplexSpectrogram[]? TakeReady(bool endOfTrack)
        {
            if (pending.Count == 0 || (!endOfTrack && pending.Count <= latencyFrames)) return null;
            var (block, t) = pending.Dequeue();
            float[] ones = [.. Enumerable.Repeat(1f, block.BinCount)];
            var stems = new ComplexSpectrogram[stemCount];
            for (int s = 0; s < stemCount; s++)
            {
                stems[s] = new ComplexSpectrogram(block.ChannelCount, 1, block.BinCount);
                for (int c = 0; c < block.ChannelCount; c++) FrameMask.Apply(block, c, t, ones, stems[s], 0);
            }
            return stems;
        }
    }

    private sealed class Method(int fftSize, int hopSize, bool hann, int latencyFrames) : ISeparationMethod
    {
        public string Name => "identity";
        public int? SampleRate => null;
        public int ChannelCount => 2;
        public IReadOnlyList<string> Stems { get; } = ["a", "b"];

        public ISeparationStream Open(int sampleRate) => new SpectralProcessorStream(new IdentityProcessor(2, latencyFrames), 2,
            SpectralProcessorStream.Framing(hann ? Window.Hann(fftSize) : Window.Hamming(fftSize), hopSize));
    }

    [Theory]
    [InlineData(1, 2048, 512, true, 0)]
    [InlineData(100, 2048, 512, true, 3)]
    [InlineData(2048, 2048, 512, true, 0)]
    [InlineData(20000, 2048, 512, true, 7)]
    [InlineData(20001, 2048, 1024, false, 40)]
    [InlineData(777, 256, 128, false, 2)]
    public void IdentityProcessor_ReconstructsInput_AnyLength(int frameCount, int fftSize, int hopSize, bool hann, int latency)
    {
        var mix = new Waveform([Signals.Noise(frameCount, 1), Signals.Noise(frameCount, 2)], 44100);

        Waveform[] stems = InMemorySeparation.Separate(new Method(fftSize, hopSize, hann, latency), mix, blockFrames: 999);

        foreach (Waveform stem in stems)
        {
            Assert.Equal(frameCount, stem.FrameCount);
            Assert.True(Signals.MaxAbsDifference(stem, mix) < 1e-5, $"max error {Signals.MaxAbsDifference(stem, mix)}");
        }
    }

    [Fact]
    public void Output_DoesNotDependOnBlockSize()
    {
        var mix = new Waveform([Signals.Noise(30000, 3), Signals.Noise(30000, 4)], 44100);
        var method = new Method(2048, 512, hann: true, latencyFrames: 5);

        Waveform[] whole = InMemorySeparation.Separate(method, mix, blockFrames: 30000);
        Waveform[] small = InMemorySeparation.Separate(method, mix, blockFrames: 1);
        Waveform[] odd = InMemorySeparation.Separate(method, mix, blockFrames: 4097);

        Assert.Equal(0, Signals.MaxAbsDifference(whole[0], small[0]));
        Assert.Equal(0, Signals.MaxAbsDifference(whole[1], odd[1]));
    }

    [Theory]
    [InlineData(1, 2048, 512)]
    [InlineData(1000, 2048, 512)]
    [InlineData(20001, 2048, 1024)]
    [InlineData(777, 256, 128)]
    public void Frames_AreEveryFrameTouchingASample(int frameCount, int fftSize, int hopSize)
    {
        var processor = new IdentityProcessor(1, latencyFrames: 0);
        int framesSeen = 0;
        var counting = new CountingProcessor(processor, count => framesSeen += count);
        var stream = new SpectralProcessorStream(counting, 2, SpectralProcessorStream.Framing(Window.Hann(fftSize), hopSize));
        var sink = new NullSink();

        stream.Push([new float[frameCount], new float[frameCount]], frameCount, sink);
        stream.Finish(sink);

        // Frame f covers [f hop - N/2, f hop + N/2): the last one starts at or before the last sample.
        Assert.Equal((frameCount - 1 + fftSize / 2) / hopSize + 1, framesSeen);
        Assert.Equal(frameCount, sink.Samples);
    }

    private sealed class CountingProcessor(ISpectralProcessor inner, Action<int> added) : ISpectralProcessor
    {
        public int StemCount => inner.StemCount;

        public void Add(ComplexSpectrogram mixture)
        {
            added(mixture.FrameCount);
            inner.Add(mixture);
        }

        public ComplexSpectrogram[]? TakeReady(bool endOfTrack) => inner.TakeReady(endOfTrack);
    }

    private sealed class NullSink : IStemBlockSink
    {
        public long Samples { get; private set; }

        public void Write(float[][][] stems, int frameCount) => Samples += frameCount;
    }
}
