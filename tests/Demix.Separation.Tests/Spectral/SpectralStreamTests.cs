using Demix.Audio;
using Demix.Separation.Pipeline;
using Demix.Separation.Spectral;
using Demix.Separation.Tests.Support;

namespace Demix.Separation.Tests.Spectral;

public sealed class SpectralStreamTests
{
    /// <summary>Every stem is the mixture frame itself; the stream must then give the input back.</summary>
    private sealed class IdentityProcessor(int stemCount, int latencyFrames) : ISpectralProcessor
    {
        private readonly Queue<SpectralFrame> pending = new();

        public int StemCount => stemCount;

        public void Add(SpectralFrame mixture) => pending.Enqueue(mixture);

        public bool TryTake(bool endOfTrack, SpectralFrame[] stems, out SpectralFrame? consumed)
        {
            consumed = null;
            if (pending.Count == 0 || (!endOfTrack && pending.Count <= latencyFrames)) return false;
            consumed = pending.Dequeue();
            float[] ones = [.. Enumerable.Repeat(1f, consumed.BinCount)];
            foreach (SpectralFrame stem in stems)
            {
                for (int c = 0; c < consumed.ChannelCount; c++) consumed.MaskInto(c, ones, stem);
            }
            return true;
        }
    }

    private sealed class Method(int fftSize, int hopSize, bool hann, int latencyFrames) : ISeparationMethod
    {
        public string Name => "identity";
        public int? SampleRate => null;
        public int ChannelCount => 2;
        public IReadOnlyList<string> Stems { get; } = ["a", "b"];

        public ISeparationStream Open(int sampleRate) => new SpectralStream(new IdentityProcessor(2, latencyFrames), 2,
            hann ? Demix.Dsp.Stft.Window.Hann(fftSize) : StftWindow.Hamming(fftSize), hopSize, RealFftFactory.Create(fftSize));
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
}
