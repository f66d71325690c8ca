using Demix.Audio;
using Demix.Separation.Methods.Center;
using Demix.Separation.Pipeline;
using Demix.Separation.Tests.Support;

namespace Demix.Separation.Tests.Methods;

public sealed class CenterMethodTests
{
    private const int Rate = 44100;
    private const int Frames = Rate;   // 1 s
    private const int Margin = 4096;   // skip the partial frames at the edges

    [Fact]
    public void CentrePannedSine_GoesToVocals()
    {
        float[] sine = Signals.Sine(1000, Rate, Frames);
        Waveform[] stems = InMemorySeparation.Separate(new CenterMethod(), new Waveform([sine, [.. sine]], Rate));

        double mix = Signals.Energy(Signals.Middle(sine, Margin));
        Assert.True(Signals.ErrorEnergy(Signals.Middle(stems[0].Channels[0], Margin), Signals.Middle(sine, Margin)) < 1e-6 * mix);
        Assert.True(Signals.Energy(Signals.Middle(stems[1].Channels[1], Margin)) < 1e-6 * mix);
    }

    [Fact]
    public void HardLeftSine_GoesToAccompaniment()
    {
        float[] sine = Signals.Sine(1000, Rate, Frames);
        Waveform[] stems = InMemorySeparation.Separate(new CenterMethod(), new Waveform([sine, Signals.Zeros(Frames)], Rate));

        double mix = Signals.Energy(Signals.Middle(sine, Margin));
        Assert.True(Signals.Energy(Signals.Middle(stems[0].Channels[0], Margin)) < 1e-6 * mix);
        Assert.True(Signals.ErrorEnergy(Signals.Middle(stems[1].Channels[0], Margin), Signals.Middle(sine, Margin)) < 1e-6 * mix);
        Assert.True(Signals.Energy(stems[1].Channels[1]) < 1e-8 * mix);   // nothing leaks into the silent channel
    }

    [Fact]
    public void CentreSineBelowBand_GoesToAccompaniment()
    {
        float[] bass = Signals.Sine(60, Rate, Frames);
        Waveform[] stems = InMemorySeparation.Separate(new CenterMethod(), new Waveform([bass, [.. bass]], Rate));

        Assert.True(Signals.Energy(Signals.Middle(stems[0].Channels[0], Margin)) < 1e-3 * Signals.Energy(Signals.Middle(bass, Margin)));
    }

    [Fact]
    public void AntiPhaseSine_StaysInAccompaniment()
    {
        float[] sine = Signals.Sine(1000, Rate, Frames);
        float[] inverted = [.. sine.Select(v => -v)];
        Waveform[] stems = InMemorySeparation.Separate(new CenterMethod(), new Waveform([sine, inverted], Rate));

        Assert.True(Signals.Energy(Signals.Middle(stems[0].Channels[0], Margin)) < 1e-6 * Signals.Energy(Signals.Middle(sine, Margin)));
    }

    [Fact]
    public void Stems_AddUpToMixture()
    {
        var mix = new Waveform([Signals.Noise(20000, 5), Signals.Add(Signals.Noise(20000, 6), Signals.Noise(20000, 5))], Rate);
        Waveform[] stems = InMemorySeparation.Separate(new CenterMethod(), mix);

        for (int c = 0; c < 2; c++)
        {
            float[] sum = Signals.Add(stems[0].Channels[c], stems[1].Channels[c]);
            Assert.True(Signals.ErrorEnergy(sum, mix.Channels[c]) < 1e-9 * Signals.Energy(mix.Channels[c]));
        }
    }

    [Fact]
    public void StrengthZero_LeavesVocalsSilent()
    {
        float[] sine = Signals.Sine(1000, Rate, 8000);
        Waveform[] stems = InMemorySeparation.Separate(new CenterMethod(new CenterOptions { Strength = 0 }), new Waveform([sine, [.. sine]], Rate));

        Assert.Equal(0, Signals.Energy(stems[0].Channels[0]));
    }
}
