using Demix.Audio;
using Demix.Separation.Methods.Karaoke;
using Demix.Separation.Pipeline;
using Demix.Separation.Tests.Support;

namespace Demix.Separation.Tests.Methods;

public sealed class InvertKaraokeMethodTests
{
    [Fact]
    public void CentreVoice_CancelsInAccompaniment_AndSideSurvives()
    {
        float[] voice = Signals.Sine(440, 44100, 10000);
        float[] guitar = Signals.Sine(1234, 44100, 10000, amplitude: 0.2);
        var mix = new Waveform([Signals.Add(voice, guitar), [.. voice]], 44100);

        Waveform[] stems = InMemorySeparation.Separate(new InvertKaraokeMethod(), mix, blockFrames: 333);

        for (int i = 0; i < 10000; i++)
        {
            Assert.Equal(guitar[i] / 2, stems[1].Channels[0][i], 1e-6f);
            Assert.Equal(-guitar[i] / 2, stems[1].Channels[1][i], 1e-6f);
            Assert.Equal(stems[0].Channels[0][i] + stems[1].Channels[0][i], mix.Channels[0][i], 1e-6f);
            Assert.Equal(stems[0].Channels[1][i] + stems[1].Channels[1][i], mix.Channels[1][i], 1e-6f);
        }
    }
}
