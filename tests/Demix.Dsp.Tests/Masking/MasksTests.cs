using Demix.Dsp.Masking;
using Demix.Dsp.Stft;
using Demix.Dsp.Tests.Support;
using StftTransform = Demix.Dsp.Stft.Stft;

namespace Demix.Dsp.Tests.Masking;

public sealed class MasksTests
{
    [Fact]
    public void Ratio_ClampsToUnitInterval()
    {
        var mask = new float[4];
        Masks.Ratio([0.5f, 2f, 0f, 1f], [1f, 1f, 1f, 0f], mask);
        Assert.Equal(0.5f, mask[0], 1e-6f);
        Assert.Equal(1f, mask[1]);
        Assert.Equal(0f, mask[2]);
        Assert.Equal(1f, mask[3]);
    }

    [Fact]
    public void Soft_MasksSumToOne_AndFollowPower()
    {
        float[] a = [3f, 0f, 1f], b = [4f, 0f, 1f];
        float[][] masks = Masks.Soft([a, b], power: 2f, eps: 1e-10f, spreadEpsilon: true);
        Assert.Equal(9f / 25f, masks[0][0], 1e-6f);
        Assert.Equal(16f / 25f, masks[1][0], 1e-6f);
        Assert.Equal(0.5f, masks[0][1], 1e-6f);    // silent bin: eps/2 over eps
        for (int i = 0; i < 3; i++) Assert.Equal(1f, masks[0][i] + masks[1][i], 1e-6f);
        float[][] linear = Masks.Soft([a, b], power: 1f);
        Assert.Equal(3f / 7f, linear[0][0], 1e-6f);
        Assert.Equal(0f, linear[0][1]);
    }

    [Fact]
    public void Soft_OracleMasks_ReconstructSumOfSources()
    {
        // Two sources whose masks sum to one: applying both masks and adding gives the mixture back.
        var config = StftConfig.Torch(1024, 256);
        float[] s1 = ReferenceDft.RandomSignal(8000, 1), s2 = ReferenceDft.RandomSignal(8000, 2);
        float[] mixture = s1.Zip(s2, (p, q) => p + q).ToArray();
        ComplexSpectrogram mix = StftTransform.Forward(mixture, config);
        float[][] masks = Masks.Soft([StftTransform.Forward(s1, config).Magnitude(), StftTransform.Forward(s2, config).Magnitude()], spreadEpsilon: true);
        float[] y1 = StftTransform.Inverse(Masks.Apply(mix, masks[0]), config, 8000)[0];
        float[] y2 = StftTransform.Inverse(Masks.Apply(mix, masks[1]), config, 8000)[0];
        Assert.True(Compare.Rms(y1.Zip(y2, (p, q) => p + q).ToArray(), mixture) < 1e-5);
    }

    [Fact]
    public void Ratio_MismatchedLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => Masks.Ratio(new float[3], new float[4], new float[3]));
    }
}
