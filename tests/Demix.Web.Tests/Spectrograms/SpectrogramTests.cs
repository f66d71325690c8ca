using Demix.Audio;
using Demix.Imaging;
using Demix.Imaging.Heatmaps;
using Demix.Imaging.Png;
using Demix.Web.Spectrograms;

namespace Demix.Web.Tests.Spectrograms;

/// <summary>Spectrograms of analytic signals: a sine lands in the right row at the right level, columns average frames.</summary>
public sealed class SpectrogramTests
{
    private const int SampleRate = 16000;

    [Theory]
    [InlineData(FrequencyScale.Linear)]
    [InlineData(FrequencyScale.Mel)]
    public void FullScaleSine_IsBrightestInItsRowAtZeroDecibels(FrequencyScale scale)
    {
        const double hertz = 1015.625;   // bin 130 of a 2048 FFT at 16 kHz, inside a row, not on a row edge
        SpectrogramMatrix matrix = Compute(Sine(hertz, 2.0, amplitude: 1.0), new SpectrogramSettings { Scale = scale }, rows: 200, columns: 50);
        int expectedRow = RowOf(hertz, matrix);
        for (int column = 5; column < 45; column++)
        {
            int brightest = Enumerable.Range(0, matrix.Rows).MaxBy(r => matrix.Decibels[r * matrix.Columns + column]);
            Assert.InRange(brightest, expectedRow - 1, expectedRow + 1);
            // The bin of a full-scale sine reads 0 dB; a band averages it with its two Hann neighbours (-6 dB each)
            // and emptier bins: 40 Hz linear bands hold 5.1 bins, (1 + 2 x 0.25) / 5.1 = -5.3 dB; mel bands are narrower.
            float peak = matrix.Decibels[brightest * matrix.Columns + column];
            Assert.InRange(peak, -6.0, 0.5);
        }
    }

    [Fact]
    public void HalfAmplitudeSine_ReadsSixDecibelsLower()
    {
        var settings = new SpectrogramSettings { Scale = FrequencyScale.Mel };
        SpectrogramMatrix full = Compute(Sine(1015.625, 1.0, 1.0), settings, 100, 10);
        SpectrogramMatrix half = Compute(Sine(1015.625, 1.0, 0.5), settings, 100, 10);
        int row = RowOf(1015.625, full);
        Assert.Equal(-6.02, half.Decibels[row * 10 + 5] - full.Decibels[row * 10 + 5], 1);
    }

    [Fact]
    public void SilenceThenTone_ColumnsSwitchWhereTheToneStarts()
    {
        float[] signal = new float[SampleRate * 2];
        for (int i = SampleRate; i < signal.Length; i++) signal[i] = (float)Math.Sin(2 * Math.PI * 2062.5 * i / SampleRate);
        SpectrogramMatrix matrix = Compute(signal, new SpectrogramSettings(), rows: 64, columns: 20);
        int row = RowOf(2062.5, matrix);
        Assert.All(Enumerable.Range(0, 9), c => Assert.True(matrix.Decibels[row * 20 + c] < -80, $"column {c} should be silent"));
        Assert.All(Enumerable.Range(11, 9), c => Assert.True(matrix.Decibels[row * 20 + c] > -12, $"column {c} should hold the tone"));
    }

    [Fact]
    public void Accumulator_AveragesFramesByOverlap()
    {
        // 3 frames into 2 columns: frame 0 covers [0, 2/3), frame 1 [2/3, 4/3), frame 2 [4/3, 2) in column units.
        var accumulator = new SpectrogramAccumulator(1, 2, 3);
        foreach (float power in new[] { 1f, 0.1f, 0.01f }) accumulator.Add([power]);
        float[] db = accumulator.ToDecibels(-200);
        Assert.Equal(10 * Math.Log10(2.0 / 3 * 1 + 1.0 / 3 * 0.1), db[0], 4);
        Assert.Equal(10 * Math.Log10(1.0 / 3 * 0.1 + 2.0 / 3 * 0.01), db[1], 4);
    }

    [Fact]
    public void FrequencyBands_EachRowAveragesItsBinsWithWeightsSummingToOne()
    {
        var bands = new FrequencyBands(rowCount: 4, binCount: 9, binHertz: 1, lowHertz: 0, highHertz: 8, FrequencyScale.Linear);
        float[] rows = new float[4];
        bands.Apply(Enumerable.Repeat(3f, 9).ToArray(), rows);
        Assert.All(rows, r => Assert.Equal(3f, r, 5));
        bands.Apply([0, 0, 0, 0, 0, 0, 0, 0, 8], rows);
        Assert.Equal([0f, 0f, 0f, 8f * 0.5f / 2f], rows);   // bin 8 spans [7.5, 8.5]; half of it lies in the top band [6, 8]
    }

    [Fact]
    public void Render_WithAxesAndPixelsPerSecond_HasTheAskedPlotWidth_AndGreyIsInvertible()
    {
        string folder = TestSongs.TemporaryFolder();
        string path = Path.Combine(folder, "tone.wav");
        AudioFile.Write(path, new Waveform([Sine(1015.625, 2.0, 0.5)], SampleRate));
        PixelImage narrow = SpectrogramRenderer.Render(path, new SpectrogramSettings { PixelsPerSecond = 100, Height = 300 });
        PixelImage wide = SpectrogramRenderer.Render(path, new SpectrogramSettings { PixelsPerSecond = 200, Height = 300 });
        Assert.Equal(200, wide.Width - narrow.Width);   // 2 s x 100 more pixels per second; the margins are the same
        var settings = new SpectrogramSettings { Width = 256, Height = 256, Axes = false, MinDecibels = -80 };
        PixelImage grey = SpectrogramRenderer.RenderGrey(path, settings);
        Assert.Equal((256, 256, PixelFormat.Grey8), (grey.Width, grey.Height, grey.Format));
        float[] back = new GreyLevelMapping(-80, 0).FromImage(PngDecoder.Decode(PngEncoder.Encode(grey)));
        int row = (int)(1015.625 / 8000 * 256);
        Assert.InRange(back[row * 256 + 128], -14, -4);   // a -6 dB sine averaged over a 31 Hz band of 7.8 Hz bins: about -10 dB
        Directory.Delete(folder, true);
    }

    private static SpectrogramMatrix Compute(float[] signal, SpectrogramSettings settings, int rows, int columns)
    {
        using var source = new WaveformSource(new Waveform([signal], SampleRate));
        return SpectrogramComputer.Compute(source, signal.Length, "test", settings, rows, columns);
    }

    private static int RowOf(double hertz, SpectrogramMatrix m)
    {
        Func<double, double> position = m.Scale == FrequencyScale.Mel ? MelScale.FromHertz : f => f;
        double low = position(m.LowHertz), high = position(m.HighHertz);
        return (int)((position(hertz) - low) / (high - low) * m.Rows);
    }

    private static float[] Sine(double hertz, double seconds, double amplitude) =>
        [.. Enumerable.Range(0, (int)(seconds * SampleRate)).Select(i => (float)(amplitude * Math.Sin(2 * Math.PI * hertz * i / SampleRate)))];
}
