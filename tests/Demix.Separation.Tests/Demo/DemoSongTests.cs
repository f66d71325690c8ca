using Demix.Audio;
using Demix.Separation.Demo;
using Demix.Separation.Methods;
using Demix.Separation.Pipeline;
using Demix.Separation.Tests.Support;

namespace Demix.Separation.Tests.Demo;

public sealed class DemoSongTests
{
    [Fact]
    public void Stems_AddUpToTheMixture_AndTheVoiceIsCentred()
    {
        DemoSong song = DemoSong.Synthesize(new Random(1), 22050, 4);

        for (int c = 0; c < 2; c++)
        {
            float[] sum = Signals.Add(song.Vocals.Channels[c], song.Accompaniment.Channels[c]);
            Assert.True(Signals.ErrorEnergy(sum, song.Mixture.Channels[c]) < 1e-9);
        }
        Assert.Equal(song.Vocals.Channels[0], song.Vocals.Channels[1]);
        Assert.True(Signals.Energy(song.Vocals.Channels[0]) > 0.1 * Signals.Energy(song.Accompaniment.Channels[0]));
        Assert.True(song.Mixture.Channels.All(ch => ch.All(v => Math.Abs(v) < 1)));
    }

    [Fact]
    public void SameSeed_SameSong_OtherSeed_OtherSong()
    {
        Waveform a = DemoSong.Synthesize(new Random(7), 8000, 2).Mixture;
        Waveform b = DemoSong.Synthesize(new Random(7), 8000, 2).Mixture;
        Waveform c = DemoSong.Synthesize(new Random(8), 8000, 2).Mixture;

        Assert.Equal(0, Signals.MaxAbsDifference(a, b));
        Assert.True(Signals.MaxAbsDifference(a, c) > 1e-3);
    }

    [Theory]
    [InlineData("center", 9.0, 13.0)]           // measured 11.3 / 15.2 dB
    [InlineData("karaoke-invert", -5.0, -1.0)]  // measured -3.6 / 0.3 dB: mid/side keeps the panned instruments
    [InlineData("repet-sim", 8.0, 12.0)]        // measured 10.1 / 14.0 dB
    public void Separation_BeatsTheStatedFloor(string method, double vocalsFloorDecibels, double accompanimentFloorDecibels)
    {
        DemoSong song = DemoSong.Synthesize(new Random(2026), 44100, 8);

        Waveform[] stems = InMemorySeparation.Separate(MethodRegistry.Create(method), song.Mixture);

        double vocals = SignalToDistortion.Decibels(song.Vocals, stems[0]);
        double accompaniment = SignalToDistortion.Decibels(song.Accompaniment, stems[1]);
        Assert.True(vocals > vocalsFloorDecibels, $"{method}: vocals SDR {vocals:F2} dB");
        Assert.True(accompaniment > accompanimentFloorDecibels, $"{method}: accompaniment SDR {accompaniment:F2} dB");
    }
}
