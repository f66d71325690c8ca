using System.Globalization;
using Demix.Dsp.Stft;
using Demix.Imaging.Heatmaps;
using Demix.Imaging.Png;
using Demix.Training.Config;
using Demix.Training.Data;
using Demix.Training.Sampling;
using StftTransform = Demix.Dsp.Stft.Stft;

namespace Demix.Training.Datasets;

/// <summary>
/// S0's spectrogram-image dataset: every track (mono) cut into consecutive 5-second chunks, each rendered as a
/// 256x256 grey PNG of the magnitude in dB (-80..0 dB re a full-scale sine) at a fixed scale: audio at
/// 20480 Hz, STFT 512/400, so 51.2 pixels per second and 40 Hz per pixel row (band 0-10240 Hz). Pairs are written as
/// <c>A/&lt;track&gt;_&lt;k&gt;.png</c> (mixture) and <c>B/&lt;track&gt;_&lt;k&gt;.png</c> (vocals), pix2pix's layout; chunks whose
/// vocals are silent (RMS under <c>silenceDb</c>, an all-black vocal image) are dropped.
/// </summary>
public static class SpectrogramImageWriter
{
    /// <summary>Rate the audio is resampled to, Hz.</summary>
    public const int SampleRate = 20480;

    /// <summary>STFT size.</summary>
    public const int FftSize = 512;

    /// <summary>STFT hop (51.2 frames per second).</summary>
    public const int HopSize = 400;

    /// <summary>Image side in pixels (frames and bins).</summary>
    public const int ImageSize = 256;

    /// <summary>The grey mapping: -80 dB black, 0 dB white.</summary>
    public static GreyLevelMapping Mapping { get; } = new(-80, 0);

    /// <summary>Magnitude of a full-scale sine with the periodic Hann window (sum of the window / 2).</summary>
    public const float FullScale = FftSize / 4f;

    /// <summary>Writes the image pairs of every track of <paramref name="source"/>; returns (kept, dropped) chunk counts.</summary>
    public static (int Kept, int Dropped) Write(SourceConfig source, string output, AudioCache cache, double silenceDb = -50)
    {
        ArgumentNullException.ThrowIfNull(source);
        var loader = new CorpusLoader(cache, SampleRate, 1);
        int kept = 0, dropped = 0;
        Directory.CreateDirectory(Path.Combine(output, "A"));
        Directory.CreateDirectory(Path.Combine(output, "B"));
        foreach (var listed in CorpusLoader.List(source))
        {
            using SourceTrack track = loader.Load(listed, source.Kind);
            if (track.Vocals is null || track.Accompaniment is null) continue;
            int chunkFrames = ImageSize * HopSize;
            for (long start = 0, k = 0; start + chunkFrames <= track.FrameCount; start += chunkFrames, k++)
            {
                float[] vocals = new float[chunkFrames], accompaniment = new float[chunkFrames];
                track.Vocals.Read(0, start, vocals);
                track.Accompaniment.Read(0, start, accompaniment);
                if (Augmentations.RmsDb([vocals]) < silenceDb)
                {
                    dropped++;
                    continue;
                }
                float[][] mixture = new TrainingExample([vocals], [accompaniment]).Mixture();
                string name = $"{Sanitise(track.Name)}_{k:D3}.png";
                Save(mixture[0], Path.Combine(output, "A", name));
                Save(vocals, Path.Combine(output, "B", name));
                kept++;
            }
        }
        return (kept, dropped);
    }

    /// <summary>The [frames = 256, bins = 256] dB image values of a chunk of 256 hops.</summary>
    public static float[] Decibels(float[] chunk)
    {
        ComplexSpectrogram spectrogram = StftTransform.Forward(chunk, new StftConfig(FftSize, HopSize));
        float[] magnitude = spectrogram.Magnitude();
        var values = new float[ImageSize * ImageSize];
        for (int t = 0; t < ImageSize; t++)
            for (int f = 0; f < ImageSize; f++)
                values[t * ImageSize + f] = (float)(20 * Math.Log10(Math.Max(magnitude[t * spectrogram.BinCount + f] / FullScale, 1e-5)));
        return values;
    }

    private static void Save(float[] chunk, string path)
    {
        var text = new Dictionary<string, string>
        {
            ["demix:min-db"] = Mapping.MinValue.ToString(CultureInfo.InvariantCulture),
            ["demix:max-db"] = Mapping.MaxValue.ToString(CultureInfo.InvariantCulture),
            ["demix:sample-rate"] = SampleRate.ToString(CultureInfo.InvariantCulture),
            ["demix:stft"] = $"{FftSize}/{HopSize}",
        };
        PngEncoder.Save(Mapping.ToImage(Decibels(chunk), ImageSize, ImageSize, MatrixLayout.ColumnMajor), path, text: text);
    }

    private static string Sanitise(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
