using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using Demix.Imaging;
using Demix.Imaging.Heatmaps;
using Demix.Imaging.Png;

namespace Demix.Benchmarks.Imaging;

/// <summary>
/// PNG encode/decode of a 1024x512 RGB spectrogram image (the report and `demix spectrogram` size) and
/// of a 256x256 grey dataset image (S0), and heatmap rendering of a 3-minute spectrogram
/// ([1025 bins, 15504 frames] at hop 512, 44.1 kHz) down to 1024x512.
/// </summary>
[MemoryDiagnoser]
public class PngBenchmarks
{
    private float[] spectrogramDb = [];
    private PixelImage spectrogramImage = null!;
    private PixelImage datasetImage = null!;
    private byte[] spectrogramFile = [];
    private byte[] datasetFile = [];
    private const int Bins = 1025;
    private const int Frames = 15504;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        spectrogramDb = new float[Bins * Frames];
        for (int bin = 0; bin < Bins; bin++)
        {
            for (int frame = 0; frame < Frames; frame++)
            {
                double harmonic = 50 * Math.Exp(-bin / 100.0) * (0.5 + 0.5 * Math.Sin(frame * 0.05 + bin * 0.3));
                spectrogramDb[bin * Frames + frame] = (float)(-80 + 20 * random.NextDouble() + harmonic);
            }
        }
        spectrogramImage = RenderSpectrogram();
        datasetImage = new GreyLevelMapping(-80, 0).ToImage(spectrogramDb.AsSpan(0, 256 * 256), 256, 256);
        spectrogramFile = PngEncoder.Encode(spectrogramImage);
        datasetFile = PngEncoder.Encode(datasetImage);
    }

    [Benchmark]
    public PixelImage RenderSpectrogram() => HeatmapImage.Render(spectrogramDb, Bins, Frames,
        new HeatmapOptions { Width = 1024, Height = 512, Resampling = Resampling.Bilinear });

    /// <summary>The same values read as an STFT stored [frames, bins], averaged over the cells each pixel covers.</summary>
    [Benchmark]
    public PixelImage RenderSpectrogramAreaFramesMajor() => HeatmapImage.Render(spectrogramDb, Bins, Frames,
        new HeatmapOptions { Width = 1024, Height = 512, Resampling = Resampling.Area, Layout = MatrixLayout.ColumnMajor });

    [Benchmark]
    public byte[] EncodeSpectrogramOptimal() => PngEncoder.Encode(spectrogramImage, CompressionLevel.Optimal);

    [Benchmark]
    public byte[] EncodeSpectrogramFastest() => PngEncoder.Encode(spectrogramImage, CompressionLevel.Fastest);

    [Benchmark]
    public PixelImage DecodeSpectrogram() => PngDecoder.Decode(spectrogramFile);

    [Benchmark]
    public byte[] EncodeDatasetImage() => PngEncoder.Encode(datasetImage);

    [Benchmark]
    public PixelImage DecodeDatasetImage() => PngDecoder.Decode(datasetFile);
}
