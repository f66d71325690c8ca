using Demix.Audio;
using Demix.Separation.Pipeline;
using Demix.Separation.Tests.Support;

namespace Demix.Separation.Tests.Pipeline;

public sealed class ChunkedMethodTests
{
    /// <summary>Stem 0 = a 31-tap moving average of the chunk (zero outside it), stem 1 = the rest.</summary>
    private sealed class SmoothingSeparator : ISeparator
    {
        public int? SampleRate => null;
        public int ChannelCount => 2;
        public IReadOnlyList<string> Stems { get; } = ["smooth", "rough"];
        public int Calls { get; private set; }

        public float[][][] Separate(float[][] mix, int sampleRate)
        {
            Calls++;
            var smooth = mix.Select(channel => MovingAverage(channel, 15)).ToArray();
            var rough = mix.Select((channel, c) => channel.Select((v, i) => v - smooth[c][i]).ToArray()).ToArray();
            return [smooth, rough];
        }

        private static float[] MovingAverage(float[] x, int half)
        {
            var y = new float[x.Length];
            for (int i = 0; i < x.Length; i++)
            {
                double sum = 0;
                for (int k = i - half; k <= i + half; k++) sum += k >= 0 && k < x.Length ? x[k] : 0;
                y[i] = (float)(sum / (2 * half + 1));
            }
            return y;
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(999)]
    [InlineData(1000)]
    [InlineData(5000)]
    [InlineData(12345)]
    public void Chunked_MatchesUnchunked_WithinTolerance(int frameCount)
    {
        var mix = new Waveform([Signals.Sine(50, 8000, frameCount), Signals.Sine(70, 8000, frameCount, phase: 1)], 8000);
        var separator = new SmoothingSeparator();
        float[][][] whole = separator.Separate(mix.Channels, 8000);

        Waveform[] chunked = InMemorySeparation.Separate(new ChunkedMethod("smooth", separator, 1000, 200), mix, blockFrames: 317);

        for (int s = 0; s < 2; s++)
        {
            Assert.Equal(frameCount, chunked[s].FrameCount);
            for (int c = 0; c < 2; c++)
            {
                double error = Signals.ErrorEnergy(chunked[s].Channels[c], whole[s][c]);
                Assert.True(error <= 1e-4 * Math.Max(1e-9, Signals.Energy(mix.Channels[c])), $"stem {s} channel {c}: error energy {error}");
            }
        }
    }

    [Fact]
    public void Chunks_AreBounded_AndCountedAsExpected()
    {
        var separator = new SmoothingSeparator();
        var mix = new Waveform([Signals.Noise(10000, 1), Signals.Noise(10000, 2)], 8000);

        InMemorySeparation.Separate(new ChunkedMethod("smooth", separator, 1000, 200), mix, blockFrames: 10000);

        // Chunks start every 800 frames; the last one holds the frames after 9600.
        Assert.Equal(13, separator.Calls);
    }

    [Fact]
    public void Constructor_RejectsOverlapOverHalfTheChunk() =>
        Assert.Throws<ArgumentException>(() => new ChunkedMethod("x", new SmoothingSeparator(), 100, 51));
}
