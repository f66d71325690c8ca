using Demix.Audio;
using Demix.Dsp.Masking;
using Demix.Dsp.Stft;
using Demix.Tests.Shared;
using StftTransform = Demix.Dsp.Stft.Stft;

namespace Demix.Separation.Tests.Models.Seeds;

/// <summary>
/// Two seconds of one MUSDB18 training preview for the overfitting tests, made cheap: the left channel,
/// resampled to 8 kHz, STFT 512/128 (centred, periodic Hann): 126 frames x 257 bins. Decoded once per test run.
/// </summary>
internal sealed class MusdbExcerpt
{
    public const int SampleRate = 8000, FftSize = 512, HopSize = 128;
    private const string Track = "A Classic Education - NightOwl.stem.mp4";
    private const double StartSeconds = 3, LengthSeconds = 2;
    private static readonly Lazy<MusdbExcerpt> shared = new(() => new MusdbExcerpt());

    private MusdbExcerpt()
    {
        string path = RepositoryPaths.Data("musdb18-7", "train", Track);
        Mixture = Read(path, 0);
        Vocals = Read(path, 4);
        Config = StftConfig.Torch(FftSize, HopSize, center: true);
        Spectrogram = StftTransform.Forward([Mixture], Config);
        MixtureMagnitude = Spectrogram.Magnitude();
        VocalMagnitude = StftTransform.Forward([Vocals], Config).Magnitude();
        Accompaniment = [.. Mixture.Zip(Vocals, (m, v) => m - v)];
        AccompanimentMagnitude = StftTransform.Forward([Accompaniment], Config).Magnitude();
    }

    /// <summary>The excerpt, decoded on first use.</summary>
    public static MusdbExcerpt Instance => shared.Value;

    public float[] Mixture { get; }
    public float[] Vocals { get; }
    public float[] Accompaniment { get; }
    public StftConfig Config { get; }
    public ComplexSpectrogram Spectrogram { get; }

    /// <summary>[frames * bins] magnitudes (one channel).</summary>
    public float[] MixtureMagnitude { get; }
    public float[] VocalMagnitude { get; }
    public float[] AccompanimentMagnitude { get; }
    public int Frames => Spectrogram.FrameCount;
    public int Bins => Spectrogram.BinCount;

    /// <summary>Whole-excerpt SDR in dB of the vocals estimated with <paramref name="vocalMask"/> ([frames * bins]) and the mixture phase.</summary>
    public double VocalSdr(float[] vocalMask) => Sdr(Vocals, Reconstruct(vocalMask));

    /// <summary>SDR in dB of the accompaniment estimated with <paramref name="mask"/>.</summary>
    public double AccompanimentSdr(float[] mask) => Sdr(Accompaniment, Reconstruct(mask));

    /// <summary>The waveform of the mixture masked by <paramref name="mask"/>.</summary>
    public float[] Reconstruct(float[] mask) => StftTransform.Inverse(Masks.Apply(Spectrogram, mask), Config, Mixture.Length)[0];

    /// <summary>Ratio mask of an estimated magnitude over the mixture magnitude, clamped to [0, 1].</summary>
    public float[] RatioMask(float[] estimate)
    {
        var mask = new float[estimate.Length];
        Masks.Ratio(estimate, MixtureMagnitude, mask, 1e-8f);
        return mask;
    }

    /// <summary>10 log10(|s|^2 / |s - e|^2).</summary>
    public static double Sdr(float[] reference, float[] estimate)
    {
        double signal = 0, error = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            signal += (double)reference[i] * reference[i];
            error += ((double)reference[i] - estimate[i]) * ((double)reference[i] - estimate[i]);
        }
        return 10 * Math.Log10(signal / error);
    }

    private static float[] Read(string path, int stream)
    {
        Waveform wave = AudioFile.Read(path, new AudioReadOptions { StreamIndex = stream, SampleRate = SampleRate });
        return wave.Channels[0].AsSpan((int)(StartSeconds * SampleRate), (int)(LengthSeconds * SampleRate)).ToArray();
    }
}
