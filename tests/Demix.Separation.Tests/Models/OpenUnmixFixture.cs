using System.Runtime.InteropServices;
using Demix.Separation.Models.OpenUnmix;
using Demix.Tests.Shared;

namespace Demix.Separation.Tests.Models;

/// <summary>The ../shared/fixtures/openunmix files (raw little-endian float32, C order) and the README tolerances.</summary>
internal static class OpenUnmixFixture
{
    public const string Folder = "openunmix";
    public const int Channels = 2, Bins = 2049, Frames = 130, Length = 132300, Hidden = 64;

    /// <summary>The fixture network: OpenUnmix(nb_bins 2049, nb_channels 2, hidden 64, 3 layers, max_bin 1487).</summary>
    public static OpenUnmixHyperParameters HyperParameters(int iterations = 1, int window = 300) => new()
    {
        HiddenSize = Hidden,
        MaxBin = OpenUnmixHyperParameters.MaxBinFor(44100, 4096, 16000),
        WienerIterations = iterations,
        WienerWindowFrames = window,
    };

    public static string PthPath => RepositoryPaths.Fixture(Folder, "vocals.pth");

    public static float[] ReadF32(string name, int expectedCount)
    {
        byte[] bytes = File.ReadAllBytes(RepositoryPaths.Fixture(Folder, name));
        float[] values = MemoryMarshal.Cast<byte, float>(bytes).ToArray();
        Assert.Equal(expectedCount, values.Length);
        return values;
    }

    /// <summary>mixture_excerpt.wav (canonical 44-byte IEEE float header), planar [2][132300].</summary>
    public static float[][] ReadMixture()
    {
        byte[] bytes = File.ReadAllBytes(RepositoryPaths.Fixture(Folder, "mixture_excerpt.wav"));
        Assert.Equal(3, BitConverter.ToUInt16(bytes, 20));
        ReadOnlySpan<float> interleaved = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(44));
        var planar = new float[Channels][];
        for (int c = 0; c < Channels; c++)
        {
            planar[c] = new float[interleaved.Length / Channels];
            for (int i = 0; i < planar[c].Length; i++) planar[c][i] = interleaved[i * Channels + c];
        }
        return planar;
    }

    /// <summary>(S, C, F, T) into the network's (T, S, C, F).</summary>
    public static float[] SampleChannelBinFrameToNetwork(float[] raw, int samples, int frames)
    {
        var result = new float[raw.Length];
        for (int s = 0; s < samples; s++)
            for (int c = 0; c < Channels; c++)
                for (int k = 0; k < Bins; k++)
                    for (int t = 0; t < frames; t++)
                        result[((t * samples + s) * Channels + c) * Bins + k] = raw[((s * Channels + c) * Bins + k) * frames + t];
        return result;
    }

    /// <summary>README spectrogram metric: the largest relative error on bins above 1e-3 of the maximum.</summary>
    public static double MaxRelativeOnSignificant(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected)
    {
        float max = 0;
        foreach (float v in expected) max = Math.Max(max, Math.Abs(v));
        double worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            if (Math.Abs(expected[i]) > 1e-3f * max) worst = Math.Max(worst, Math.Abs(actual[i] - expected[i]) / Math.Abs(expected[i]));
        }
        return worst;
    }

    /// <summary>Max absolute difference and signal-to-error ratio in dB.</summary>
    public static (double MaxAbs, double SnrDb) Compare(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected)
    {
        double maxAbs = 0, signal = 0, error = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double d = actual[i] - expected[i];
            maxAbs = Math.Max(maxAbs, Math.Abs(d));
            signal += (double)expected[i] * expected[i];
            error += d * d;
        }
        return (maxAbs, 10 * Math.Log10(signal / Math.Max(error, 1e-300)));
    }
}
