using Demix.Audio;
using Demix.Separation.Methods.Center;
using Demix.Separation.Pipeline;
using Demix.Separation.Tests.Support;

namespace Demix.Separation.Tests.Pipeline;

public sealed class InMemorySeparationTests
{
    /// <summary>Stem 0 = half the mix, stem 1 = the other half, at 16 kHz only.</summary>
    private sealed class HalfSeparator : ISeparator
    {
        public int? SampleRate => 16000;
        public int ChannelCount => 2;
        public IReadOnlyList<string> Stems { get; } = ["a", "b"];

        public float[][][] Separate(float[][] mix, int sampleRate)
        {
            Assert.Equal(16000, sampleRate);
            float[][] half = [.. mix.Select(c => c.Select(v => 0.5f * v).ToArray())];
            return [half, [.. half.Select(c => c.ToArray())]];
        }
    }

    [Fact]
    public void MonoMix_GivesMonoStems_OfTheSameLength()
    {
        float[] sine = Signals.Sine(1000, 22050, 5000);

        Waveform[] stems = InMemorySeparation.Separate(new CenterMethod(), new Waveform([sine], 22050));

        Assert.All(stems, stem => Assert.Equal(new AudioFormat(22050, 1), stem.Format));
        Assert.All(stems, stem => Assert.Equal(5000, stem.FrameCount));
        Assert.True(Signals.ErrorEnergy(Signals.Middle(stems[0].Channels[0], 1024), Signals.Middle(sine, 1024)) < 1e-6 * Signals.Energy(sine));
    }

    [Fact]
    public void DeclaredRate_IsReachedAndLeft()
    {
        float[] sine = Signals.Sine(440, 44100, 44100);
        var mix = new Waveform([sine, [.. sine]], 44100);

        Waveform[] stems = InMemorySeparation.Separate(new ChunkedMethod("half", new HalfSeparator(), 8000, 1000), mix);

        Assert.All(stems, stem => Assert.Equal(new AudioFormat(44100, 2), stem.Format));
        Assert.All(stems, stem => Assert.Equal(44100, stem.FrameCount));
        float[] expected = [.. sine.Select(v => 0.5f * v)];
        double error = Signals.ErrorEnergy(Signals.Middle(stems[1].Channels[1], 200), Signals.Middle(expected, 200));
        Assert.True(error < 1e-6 * Signals.Energy(expected), $"error energy {error}");
    }
}
