using System.Globalization;
using Demix.Dsp.Stft;
using Demix.Imaging.Heatmaps;
using Demix.Imaging.Png;
using Demix.Training.Datasets;

namespace Demix.Training.Data;

/// <summary>One S0 training pair: the mixture image and the vocal image of the same chunk.</summary>
/// <param name="Mixture">Path of <c>A/&lt;name&gt;.png</c>.</param>
/// <param name="Vocals">Path of <c>B/&lt;name&gt;.png</c>.</param>
public sealed record ImagePair(string Mixture, string Vocals);

/// <summary>
/// A spectrogram-image folder as <c>demix dataset build-images</c> writes it (<see cref="SpectrogramImageWriter"/>):
/// <c>A/*.png</c> mixtures and <c>B/*.png</c> vocals with the same names, grey levels linear in dB between the
/// <c>demix:min-db</c> and <c>demix:max-db</c> text entries (re a full-scale sine), rows = bins (row 0 at the top is
/// the highest), columns = frames of the STFT named by <c>demix:sample-rate</c> and <c>demix:stft</c>.
/// </summary>
public sealed class ImagePairFolder
{
    private ImagePairFolder(string root, IReadOnlyList<ImagePair> pairs, int sampleRate, int fftSize, int hopSize, GreyLevelMapping mapping, int size)
    {
        Root = root;
        Pairs = pairs;
        SampleRate = sampleRate;
        FftSize = fftSize;
        HopSize = hopSize;
        Mapping = mapping;
        ImageSize = size;
    }

    /// <summary>The folder.</summary>
    public string Root { get; }

    /// <summary>The pairs, sorted by name.</summary>
    public IReadOnlyList<ImagePair> Pairs { get; }

    /// <summary>Rate the images were rendered at, Hz.</summary>
    public int SampleRate { get; }

    /// <summary>STFT size of the rendering.</summary>
    public int FftSize { get; }

    /// <summary>STFT hop of the rendering.</summary>
    public int HopSize { get; }

    /// <summary>Grey level to dB.</summary>
    public GreyLevelMapping Mapping { get; }

    /// <summary>Image side in pixels (frames = bins).</summary>
    public int ImageSize { get; }

    /// <summary>Lists the pairs of <paramref name="root"/> and reads the rendering from the first image's text entries.</summary>
    /// <exception cref="DirectoryNotFoundException">No <c>A</c>/<c>B</c> folders.</exception>
    /// <exception cref="InvalidDataException">No pairs, or the first image lacks the <c>demix:*</c> entries.</exception>
    public static ImagePairFolder Open(string root)
    {
        string a = Path.Combine(root, "A"), b = Path.Combine(root, "B");
        if (!Directory.Exists(a) || !Directory.Exists(b))
            throw new DirectoryNotFoundException($"'{root}' is not a spectrogram-image folder: it needs A/ (mixtures) and B/ (vocals), as `demix dataset build-images` writes.");
        ImagePair[] pairs = [.. Directory.GetFiles(a, "*.png").Order(StringComparer.Ordinal)
            .Where(f => File.Exists(Path.Combine(b, Path.GetFileName(f)))).Select(f => new ImagePair(f, Path.Combine(b, Path.GetFileName(f))))];
        if (pairs.Length == 0) throw new InvalidDataException($"'{root}' holds no image pairs (A/x.png with B/x.png).");
        string first = pairs[0].Mixture;
        IReadOnlyDictionary<string, string> text = PngDecoder.ReadText(first);
        string Entry(string key) => text.TryGetValue(key, out string? value) ? value
            : throw new InvalidDataException($"'{first}' has no '{key}' text entry: render the images with `demix dataset build-images`.");
        string[] stft = Entry("demix:stft").Split('/');
        if (stft.Length != 2) throw new InvalidDataException($"'{first}': demix:stft '{Entry("demix:stft")}' is not <fftSize>/<hopSize>.");
        var mapping = new GreyLevelMapping(Number(Entry("demix:min-db")), Number(Entry("demix:max-db")));
        var image = PngDecoder.Load(first);
        if (image.Width != image.Height) throw new InvalidDataException($"'{first}' is {image.Width}x{image.Height} pixels; the images must be square.");
        return new ImagePairFolder(root, pairs, (int)Number(Entry("demix:sample-rate")), (int)Number(stft[0]), (int)Number(stft[1]), mapping, image.Width);
    }

    /// <summary>Throws unless the images were rendered at the model's rate and STFT and have its image size.</summary>
    /// <exception cref="InvalidDataException">Names the folder, the image value and the model value.</exception>
    public void Check(int sampleRate, StftConfig stft, int imageSize)
    {
        ArgumentNullException.ThrowIfNull(stft);
        if (SampleRate != sampleRate || FftSize != stft.FftSize || HopSize != stft.HopSize)
            throw new InvalidDataException($"'{Root}': images rendered at {SampleRate} Hz with STFT {FftSize}/{HopSize}, the model works at {sampleRate} Hz with STFT {stft.FftSize}/{stft.HopSize}: set the model's sampleRate, fftSize and hopSize to the images'.");
        if (ImageSize != imageSize)
            throw new InvalidDataException($"'{Root}': images of {ImageSize}x{ImageSize} pixels, the model's imageSize is {imageSize}.");
    }

    /// <summary>The magnitudes of one image, [frames = size, bins = size] (frames major), black = the range's floor.</summary>
    /// <exception cref="InvalidDataException">The image has another size than the folder's first.</exception>
    public float[] Magnitudes(string path)
    {
        var image = PngDecoder.Load(path);
        if (image.Width != ImageSize || image.Height != ImageSize)
            throw new InvalidDataException($"'{path}' is {image.Width}x{image.Height} pixels, the folder's images are {ImageSize}x{ImageSize}.");
        float[] decibels = Mapping.FromImage(image, MatrixLayout.ColumnMajor);   // [frames][bins], bin 0 from the bottom row
        float fullScale = FftSize / 4f;   // a full-scale sine's magnitude with the periodic Hann window (0 dB)
        for (int i = 0; i < decibels.Length; i++) decibels[i] = fullScale * MathF.Pow(10f, decibels[i] / 20f);
        return decibels;
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
