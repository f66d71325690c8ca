using Demix.Audio;
using Demix.Imaging;
using Demix.Imaging.Drawing;
using Demix.Imaging.Heatmaps;
using Demix.Imaging.Png;

namespace Demix.Web.Spectrograms;

/// <summary>
/// Audio file -> spectrogram picture: with axes (seconds, Hz, dB colour bar) through <see cref="HeatmapPlot"/>,
/// bare in colour, or as the invertible grey images of the S0 datasets (<see cref="GreyLevelMapping"/>).
/// </summary>
public static class SpectrogramRenderer
{
    private static readonly double[] MelTickHertz = [0, 100, 200, 500, 1000, 2000, 4000, 8000, 16000, 20000];

    /// <summary>The colour picture of <paramref name="path"/> (axes per <see cref="SpectrogramSettings.Axes"/>).</summary>
    /// <exception cref="AudioFormatException">The file cannot be decoded or is too short.</exception>
    public static PixelImage Render(string path, SpectrogramSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        double seconds = Measure(path, out int sampleRate);
        double high = Math.Min(settings.HighHertz ?? sampleRate / 2.0, sampleRate / 2.0);
        if (!settings.Axes)
        {
            int columns = PlotColumns(settings, seconds, 0);
            SpectrogramMatrix bare = Compute(path, settings, settings.Height, columns);
            return HeatmapImage.Render(bare.Decibels, bare.Rows, bare.Columns, Options(settings, columns, settings.Height));
        }
        HeatmapPlot plot = Plot(settings, seconds, Math.Min(settings.LowHertz, high / 2), high);
        (int marginX, int marginY) = Margins(plot);
        int plotColumns = PlotColumns(settings, seconds, marginX);
        int plotRows = settings.Height - marginY;
        if (plotRows < 8 || plotColumns < 8) throw new ArgumentException($"Image {settings.Width}x{settings.Height} leaves no room for the plot inside the axes.");
        SpectrogramMatrix matrix = Compute(path, settings, plotRows, plotColumns);
        Canvas canvas = plot.Render(matrix.Decibels, matrix.Rows, matrix.Columns, plotColumns + marginX, settings.Height);
        return canvas.Image;
    }

    /// <summary>A Grey8 image, one pixel per cell, levels per <see cref="GreyLevelMapping"/> over the dB range.</summary>
    public static PixelImage RenderGrey(string path, SpectrogramSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        double seconds = Measure(path, out _);
        int columns = PlotColumns(settings, seconds, 0);
        SpectrogramMatrix matrix = Compute(path, settings, settings.Height, columns);
        return new GreyLevelMapping(settings.MinDecibels, settings.MaxDecibels).ToImage(matrix.Decibels, matrix.Rows, matrix.Columns);
    }

    /// <summary>The picture of <paramref name="path"/> encoded as PNG bytes.</summary>
    public static byte[] RenderPng(string path, SpectrogramSettings settings) => PngEncoder.Encode(Render(path, settings));

    private static HeatmapOptions Options(SpectrogramSettings settings, int width, int height) => new()
    {
        MinValue = settings.MinDecibels, MaxValue = settings.MaxDecibels, ColourMap = settings.ColourMap,
        Width = width, Height = height, Resampling = Resampling.Area,
    };

    private static HeatmapPlot Plot(SpectrogramSettings settings, double seconds, double lowHertz, double highHertz)
    {
        bool mel = settings.Scale == FrequencyScale.Mel;
        return new HeatmapPlot
        {
            Title = settings.Title, XEnd = seconds,
            YStart = mel ? MelScale.FromHertz(lowHertz) : lowHertz,
            YEnd = mel ? MelScale.FromHertz(highHertz) : highHertz,
            YTicks = mel ? MelTicks(lowHertz, highHertz) : null,
            Options = Options(settings, 0, 0),
        };
    }

    /// <summary>Hz labels placed at their mel positions.</summary>
    private static (double Value, string Label)[] MelTicks(double lowHertz, double highHertz) =>
        [.. MelTickHertz.Where(f => f >= lowHertz && f <= highHertz)
            .Select(f => (MelScale.FromHertz(f), f >= 1000 ? $"{f / 1000:0.#}k" : $"{f:0}"))];

    /// <summary>Pixels the axes take around the plot area (they do not depend on the image size).</summary>
    private static (int X, int Y) Margins(HeatmapPlot plot)
    {
        const int probeWidth = 1200, probeHeight = 800;
        var probe = new Canvas(probeWidth, probeHeight);
        var frame = plot.Draw(probe, [0f], 1, 1, 0, 0, probeWidth, probeHeight);
        // The image fills the frame's inside: (Right - Left - 1) columns.
        return (probeWidth - (frame.Right - frame.Left - 1), probeHeight - (frame.Bottom - frame.Top - 1));
    }

    private static int PlotColumns(SpectrogramSettings settings, double seconds, int marginX) =>
        settings.PixelsPerSecond is double pps ? Math.Max(1, (int)Math.Ceiling(seconds * pps)) : settings.Width - marginX;

    private static double Measure(string path, out int sampleRate)
    {
        using IAudioSource source = AudioFile.Open(path);
        sampleRate = source.Format.SampleRate;
        return (double)SpectrogramComputer.FrameCount(source) / sampleRate;
    }

    private static SpectrogramMatrix Compute(string path, SpectrogramSettings settings, int rows, int columns)
    {
        using IAudioSource source = AudioFile.Open(path);
        long frames = source.FrameCount ?? CountFrames(path);
        return SpectrogramComputer.Compute(source, frames, path, settings, rows, columns);
    }

    private static long CountFrames(string path)
    {
        using IAudioSource source = AudioFile.Open(path);
        return SpectrogramComputer.FrameCount(source);
    }
}
