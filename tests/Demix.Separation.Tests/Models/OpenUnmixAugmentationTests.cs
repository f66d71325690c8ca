using Demix.Separation.Models;
using Demix.Separation.Models.OpenUnmix;

namespace Demix.Separation.Tests.Models;

/// <summary>Test-time augmentation of the Open-Unmix separator: channel swap and time shifts, on tiny random models.</summary>
public sealed class OpenUnmixAugmentationTests
{
    private const int SampleRate = 44100;
    private const int Frames = 20000;

    [Fact]
    public void ChannelSwap_MakesTheSeparatorChannelEquivariant_WhichThePlainAsymmetricNetworkIsNot()
    {
        var model = TinyModels.Create("c", ["vocals"], TinyModels.HyperParameters(iterations: 1), seed: 21);
        float[][] mix = TinyModels.Mixture(Frames, SampleRate, seed: 3);
        mix[1] = [.. mix[1].Select((v, i) => 0.6f * v + 0.2f * mix[0][i])];   // left and right differ
        float[][] swappedMix = [mix[1], mix[0]];

        var withSwap = model.CreateSeparator(new InferenceOptions { ChannelSwap = true });
        var plain = model.CreateSeparator(new InferenceOptions { ChannelSwap = false });

        Assert.True(MaxSwapMismatch(withSwap.Separate(mix, SampleRate), withSwap.Separate(swappedMix, SampleRate)) < 1e-4);
        Assert.True(MaxSwapMismatch(plain.Separate(mix, SampleRate), plain.Separate(swappedMix, SampleRate)) > 1e-3);
    }

    [Fact]
    public void ChannelSwap_OnMonoDuplicatedInput_GivesIdenticalChannels()
    {
        var model = TinyModels.Create("c", ["vocals"], TinyModels.HyperParameters(iterations: 1), seed: 22);
        float[] mono = TinyModels.Mixture(Frames, SampleRate, seed: 4)[0];

        float[][][] stems = model.CreateSeparator(new InferenceOptions { ChannelSwap = true }).Separate([mono, (float[])mono.Clone()], SampleRate);
        float[][][] plain = model.CreateSeparator(new InferenceOptions { ChannelSwap = false }).Separate([mono, (float[])mono.Clone()], SampleRate);

        foreach (float[][] stem in stems) Assert.True(MaxDifference(stem[0], stem[1]) < 1e-5);
        Assert.True(MaxDifference(plain[0][0], plain[0][1]) > 1e-4);   // the network alone treats the channels differently
    }

    [Fact]
    public void ChannelSwap_OnAMonoNetwork_ChangesNothing()
    {
        var model = TinyModels.Create("c", ["vocals"], TinyModels.HyperParameters(iterations: 1, channels: 1), seed: 23);
        float[][] mix = TinyModels.Mixture(Frames, SampleRate, seed: 5);

        float[][][] swapped = model.CreateSeparator(new InferenceOptions { ChannelSwap = true }).Separate(mix, SampleRate);
        float[][][] plain = new OpenUnmixSeparator(model).Separate(mix, SampleRate);

        Assert.Equal(0.0, MaxDifference(plain, swapped));
    }

    [Fact]
    public void ZeroShifts_EqualsThePlainSeparator()
    {
        var model = TinyModels.Create("c", ["vocals"], TinyModels.HyperParameters(iterations: 1), seed: 24);
        float[][] mix = TinyModels.Mixture(Frames, SampleRate, seed: 6);

        float[][][] plain = model.CreateSeparator().Separate(mix, SampleRate);
        float[][][] zeroShifts = model.CreateSeparator(new InferenceOptions { Shifts = 0 }).Separate(mix, SampleRate);

        Assert.Equal(0.0, MaxDifference(plain, zeroShifts));
    }

    [Fact]
    public void OneShift_IsTheMeanOfThePlainPassAndAHalfHopDelayedPassShiftedBack()
    {
        var model = TinyModels.Create("c", ["vocals"], TinyModels.HyperParameters(iterations: 1), seed: 25);
        float[][] mix = TinyModels.Mixture(Frames, SampleRate, seed: 7);
        int delay = model.Card.Stft.HopSize / 2;
        float[][] delayed = [.. mix.Select(c => new float[delay].Concat(c).ToArray())];
        var plain = new OpenUnmixSeparator(model);

        float[][][] shifted = model.CreateSeparator(new InferenceOptions { Shifts = 1 }).Separate(mix, SampleRate);
        float[][][] first = plain.Separate(mix, SampleRate), second = plain.Separate(delayed, SampleRate);

        for (int s = 0; s < shifted.Length; s++)
        {
            for (int c = 0; c < 2; c++)
            {
                Assert.Equal(Frames, shifted[s][c].Length);
                float[] expected = [.. first[s][c].Select((v, i) => 0.5f * (v + second[s][c][delay + i]))];
                Assert.True(MaxDifference(expected, shifted[s][c]) < 1e-5);
            }
        }
        Assert.True(MaxDifference(first, shifted) > 1e-4);   // the delayed pass does change the estimate
    }

    [Fact]
    public void Overrides_OutOfRangeOrWienerOnASingleSource_AreRefused()
    {
        var model = TinyModels.Create("c", ["vocals"], TinyModels.HyperParameters(iterations: 0) with { Residual = false }, seed: 26);

        Assert.Throws<ArgumentException>(() => model.CreateSeparator(new InferenceOptions { Shifts = OpenUnmixHyperParameters.MaxShifts + 1 }));
        Assert.Throws<ArgumentException>(() => model.CreateSeparator(new InferenceOptions { WienerIterations = -1 }));
        Assert.Throws<ArgumentException>(() => model.CreateSeparator(new InferenceOptions { WienerIterations = 1 }));
    }

    /// <summary>The largest |a[s][0] - b[s][1]| or |a[s][1] - b[s][0]|: zero when b is a with its channels swapped.</summary>
    private static double MaxSwapMismatch(float[][][] a, float[][][] b) =>
        a.Select((stem, s) => Math.Max(MaxDifference(stem[0], b[s][1]), MaxDifference(stem[1], b[s][0]))).Max();

    private static double MaxDifference(float[][][] a, float[][][] b) =>
        a.Select((stem, s) => stem.Select((channel, c) => MaxDifference(channel, b[s][c])).Max()).Max();

    private static double MaxDifference(float[] a, float[] b)
    {
        Assert.Equal(a.Length, b.Length);
        double max = 0;
        for (int i = 0; i < a.Length; i++) max = Math.Max(max, Math.Abs(a[i] - b[i]));
        return max;
    }
}
