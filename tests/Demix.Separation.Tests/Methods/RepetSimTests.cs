using Demix.Audio;
using Demix.Separation.Methods.RepetSim;
using Demix.Separation.Pipeline;
using Demix.Separation.Tests.Support;

namespace Demix.Separation.Tests.Methods;

public sealed class RepetSimTests
{
    [Fact]
    public void Picker_TakesLocalMaximaAboveThreshold_FarEnoughApart_MostSimilarFirst()
    {
        float[] row = [0.9f, 0.1f, 0.5f, 0.2f, 0.8f, 0.3f, 0.7f, 0.1f, 0.6f, 0.05f];
        var picked = new List<int>();

        new SimilarFramePicker(threshold: 0.4f, minDistanceFrames: 3, maxCount: 10).Pick(row, first: 100, picked);

        // Peaks: 2 (0.5), 4 (0.8), 6 (0.7), 8 (0.6); the ends never count. 4 is kept, 6 and 2 are too close,
        // 8 is 4 away from 4: kept.
        Assert.Equal([104, 108], picked);
    }

    [Fact]
    public void Picker_StopsAtMaxCount()
    {
        float[] row = [0f, 0.9f, 0f, 0.8f, 0f, 0.7f, 0f];
        var picked = new List<int>();

        new SimilarFramePicker(0f, 1, 2).Pick(row, 0, picked);

        Assert.Equal([1, 3], picked);
    }

    [Fact]
    public void Median_IsPerBin_AndAveragesTheMiddlePairForEvenCounts()
    {
        var model = new RepeatingModel();
        var median = new float[2];

        model.Median([[1f, 10f], [3f, 30f], [2f, 40f], [100f, 20f]], median);

        Assert.Equal(2.5f, median[0]);
        Assert.Equal(25f, median[1]);
        Assert.Equal(3f, RepeatingModel.MedianInPlace([5f, 1f, 3f, 9f, 2f]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(64)]
    [InlineData(100)]
    [InlineData(128)]
    [InlineData(129)]
    public void Median_VectorisedNetwork_EqualsScalarSelection(int frameCount)
    {
        var random = new Random(frameCount);
        const int bins = 1025;   // not a multiple of any vector width: the tail takes the scalar path
        List<float[]> frames = [.. Enumerable.Range(0, frameCount).Select(_ => Enumerable.Range(0, bins).Select(_ => (float)random.NextDouble()).ToArray())];
        frames[0][3] = frames.Count > 1 ? frames[1][3] : 0f;   // a tie
        var median = new float[bins];

        new RepeatingModel().Median(frames, median);

        for (int b = 0; b < bins; b++)
        {
            float[] column = [.. frames.Select(f => f[b])];
            Assert.Equal(RepeatingModel.MedianInPlace(column), median[b]);
        }
    }

    [Fact]
    public void BackgroundMask_IsMinOverMixture_AndOneUnderCutoff()
    {
        var mask = new float[4];

        RepeatingModel.BackgroundMask([5f, 1f, 4f, 0f], [1f, 2f, 2f, 0f], cutoffBin: 0, mask);

        Assert.Equal([1f, 0.5f, 1f, 1f], mask);
    }

    [Fact]
    public void Defaults_AreThePublishedOnes()
    {
        var options = new RepetSimOptions();

        Assert.Equal(2048, options.FftSize(44100));
        Assert.Equal(0.0, options.SimilarityThreshold);
        Assert.Equal(1.0, options.MinDistanceSeconds);
        Assert.Equal(100, options.MaxSimilarFrames);
        Assert.Equal(100.0, options.CutoffHz);
        Assert.Equal(5, RepeatingModel.CutoffBin(100, 2048, 44100));
    }

    [Fact]
    public void RepeatingLoop_GoesToAccompaniment_AndUniqueTone_ToVocals()
    {
        const int rate = 8000;
        int frames = 12 * rate;
        float[] loop = RepeatingLoop(rate, frames);
        float[] tone = Signals.Sine(1500, rate, frames, amplitude: 0.3);
        for (int i = 0; i < frames; i++) tone[i] *= i > 5 * rate && i < 6 * rate ? 1f : 0f;   // one unique second
        float[] mix = Signals.Add(loop, tone);

        Waveform[] stems = InMemorySeparation.Separate(new RepetSimMethod(channelCount: 1), new Waveform([mix], rate));

        double vocalError = Signals.ErrorEnergy(stems[0].Channels[0], tone);
        Assert.True(vocalError < 0.1 * Signals.Energy(tone), $"vocal error {vocalError} vs tone energy {Signals.Energy(tone)}");
        double loopError = Signals.ErrorEnergy(stems[1].Channels[0], loop);
        Assert.True(loopError < 0.03 * Signals.Energy(loop), $"loop error {loopError} vs loop energy {Signals.Energy(loop)}");
    }

    [Fact]
    public void Windowed_EqualsWholeSong_WhenTrackIsShorterThanHalfTheWindow()
    {
        const int rate = 8000;
        float[] mix = Signals.Add(RepeatingLoop(rate, 9 * rate), Signals.Noise(9 * rate, 7, 0.05));
        var waveform = new Waveform([mix, [.. mix.Select(v => 0.5f * v)]], rate);

        Waveform[] windowed = InMemorySeparation.Separate(new RepetSimMethod(new RepetSimOptions { SearchWindowSeconds = 20 }), waveform, 1000);
        Waveform[] whole = InMemorySeparation.Separate(new RepetSimMethod(wholeSong: true), waveform, 1000);

        Assert.True(Signals.MaxAbsDifference(windowed[0], whole[0]) < 1e-6);
        Assert.True(Signals.MaxAbsDifference(windowed[1], whole[1]) < 1e-6);
    }

    [Fact]
    public void ShortWindow_DiffersFromWholeSong_OnALongerTrack()
    {
        const int rate = 8000;
        float[] mix = Signals.Add(RepeatingLoop(rate, 9 * rate), Signals.Noise(9 * rate, 8, 0.05));
        var waveform = new Waveform([mix], rate);

        Waveform[] windowed = InMemorySeparation.Separate(new RepetSimMethod(new RepetSimOptions { SearchWindowSeconds = 4 }, channelCount: 1), waveform);
        Waveform[] whole = InMemorySeparation.Separate(new RepetSimMethod(channelCount: 1, wholeSong: true), waveform);

        Assert.True(Signals.MaxAbsDifference(windowed[0], whole[0]) > 1e-3);
    }

    /// <summary>A bar of two decaying notes, repeated; the bar (4096 samples, 0.512 s at 8 kHz) is a whole number of hops.</summary>
    internal static float[] RepeatingLoop(int rate, int frames)
    {
        var loop = new float[frames];
        const int bar = 4096;
        for (int i = 0; i < frames; i++)
        {
            int t = i % bar;
            double note = t < bar / 2 ? 220 : 330;
            double decay = Math.Exp(-6.0 * (t % (bar / 2)) / rate);
            loop[i] = (float)(0.4 * decay * Math.Sin(2 * Math.PI * note * t / rate));
        }
        return loop;
    }
}
