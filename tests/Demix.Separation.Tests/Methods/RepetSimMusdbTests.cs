using Demix.Audio;
using Demix.Separation.Methods.RepetSim;
using Demix.Separation.Pipeline;
using Demix.Separation.Tests.Support;
using Demix.Tests.Shared;

namespace Demix.Separation.Tests.Methods;

public sealed class RepetSimMusdbTests
{
    [Theory]
    [InlineData("ANiMAL - Clinic A.stem.mp4")]
    [InlineData("A Classic Education - NightOwl.stem.mp4")]
    public void WindowedSearch_EqualsWholeSongSearch_OnAPreviewShorterThanTheWindow(string track)
    {
        Waveform mix = AudioFile.Read(RepositoryPaths.Data("musdb18-7", "train", track), new AudioReadOptions { StreamIndex = 0 });
        Assert.True(mix.DurationSeconds < new RepetSimOptions().SearchWindowSeconds / 2);

        Waveform[] windowed = InMemorySeparation.Separate(new RepetSimMethod(), mix);
        Waveform[] whole = InMemorySeparation.Separate(new RepetSimMethod(wholeSong: true), mix);

        for (int s = 0; s < 2; s++)
        {
            Assert.Equal(mix.FrameCount, windowed[s].FrameCount);
            Assert.True(Signals.MaxAbsDifference(windowed[s], whole[s]) < 1e-6, $"stem {s}: {Signals.MaxAbsDifference(windowed[s], whole[s])}");
        }
        // And the separation did something: neither stem is silent or the whole mixture.
        Assert.True(Signals.Energy(windowed[0].Channels[0]) > 1e-3 * Signals.Energy(mix.Channels[0]));
        Assert.True(Signals.Energy(windowed[1].Channels[0]) > 1e-3 * Signals.Energy(mix.Channels[0]));
    }
}
