using Demix.Engine.Tensors;
using Demix.Separation.Models.OpenUnmix;

namespace Demix.Separation.Tests.Models;

/// <summary>[C, T, F] magnitudes to the network's [T, 1, C, F] and back; mono networks see the channel mean.</summary>
public sealed class SpectrogramLayoutTests
{
    private const int Channels = 2, Frames = 3, Bins = 5;

    private static float Value(int c, int t, int k) => 100 * c + 10 * t + k;

    private static float[] Ours() =>
        [.. Enumerable.Range(0, Channels * Frames * Bins).Select(i => Value(i / (Frames * Bins), i / Bins % Frames, i % Bins))];

    [Fact]
    public void ToNetworkInput_Stereo_IsTheFramesMajorPermutation()
    {
        Tensor input = SpectrogramLayout.ToNetworkInput(Ours(), Channels, Frames, Bins, networkChannels: 2);

        Assert.Equal([Frames, 1, Channels, Bins], input.Shape);
        for (int t = 0; t < Frames; t++)
            for (int c = 0; c < Channels; c++)
                for (int k = 0; k < Bins; k++) Assert.Equal(Value(c, t, k), input[t, 0, c, k]);
        Assert.Equal(Ours(), SpectrogramLayout.FromNetworkOutput(input, Channels));   // and back
    }

    [Fact]
    public void ToNetworkInput_MonoNetwork_AveragesChannels_AndItsOutputGoesToBothChannels()
    {
        Tensor input = SpectrogramLayout.ToNetworkInput(Ours(), Channels, Frames, Bins, networkChannels: 1);
        float[] back = SpectrogramLayout.FromNetworkOutput(input, Channels);

        Assert.Equal([Frames, 1, 1, Bins], input.Shape);
        for (int t = 0; t < Frames; t++)
        {
            for (int k = 0; k < Bins; k++)
            {
                float mean = (Value(0, t, k) + Value(1, t, k)) / 2;
                Assert.Equal(mean, input[t, 0, 0, k], 1e-4f);
                for (int c = 0; c < Channels; c++) Assert.Equal(mean, back[(c * Frames + t) * Bins + k], 1e-4f);
            }
        }
    }
}
