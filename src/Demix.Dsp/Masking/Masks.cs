using System.Numerics.Tensors;
using Demix.Dsp.Stft;

namespace Demix.Dsp.Masking;

/// <summary>
/// Real-valued time-frequency masks on flat spans (any layout, typically [channels, frames, bins]) and
/// their application to complex spectrograms.
/// </summary>
public static class Masks
{
    /// <summary>
    /// Ratio mask: mask[i] = clamp(target[i] / (mixture[i] + eps), 0, 1), e.g. an estimated magnitude over the
    /// mixture magnitude.
    /// </summary>
    public static void Ratio(ReadOnlySpan<float> target, ReadOnlySpan<float> mixture, Span<float> mask, float eps = 1e-10f)
    {
        CheckLengths(target.Length, mixture.Length, mask.Length);
        TensorPrimitives.Add(mixture, eps, mask);
        TensorPrimitives.Divide(target, mask, mask);
        TensorPrimitives.Max(mask, 0f, mask);
        TensorPrimitives.Min(mask, 1f, mask);
    }

    /// <summary>
    /// Soft masks for every source: mask_i = (S_i^p + e_i) / (sum_j S_j^p + eps), with e_i = eps / N when
    /// <paramref name="spreadEpsilon"/> (Spleeter's convention, so the masks sum to 1) and 0 otherwise.
    /// <paramref name="magnitudes"/>[i] are non-negative magnitudes of equal length; returns one mask per source.
    /// </summary>
    public static float[][] Soft(IReadOnlyList<float[]> magnitudes, float power = 2f, float eps = 1e-10f, bool spreadEpsilon = false)
    {
        ArgumentNullException.ThrowIfNull(magnitudes);
        if (magnitudes.Count == 0) throw new ArgumentException("At least one source is needed.", nameof(magnitudes));
        int length = magnitudes[0].Length;
        var powered = new float[magnitudes.Count][];
        var total = new float[length];
        Array.Fill(total, eps);
        for (int i = 0; i < magnitudes.Count; i++)
        {
            CheckLengths(length, magnitudes[i].Length, length);
            powered[i] = new float[length];
            if (power == 1f) magnitudes[i].CopyTo(powered[i], 0);
            else if (power == 2f) TensorPrimitives.Multiply(magnitudes[i], magnitudes[i], powered[i]);
            else TensorPrimitives.Pow(magnitudes[i], power, powered[i]);
            TensorPrimitives.Add(total, powered[i], total);
        }
        float numeratorEps = spreadEpsilon ? eps / magnitudes.Count : 0f;
        foreach (float[] mask in powered)
        {
            if (numeratorEps != 0f) TensorPrimitives.Add(mask, numeratorEps, mask);
            TensorPrimitives.Divide(mask, total, mask);
        }
        return powered;
    }

    /// <summary>A new spectrogram: <paramref name="spectrogram"/> times a real mask of the same layout.</summary>
    public static ComplexSpectrogram Apply(ComplexSpectrogram spectrogram, ReadOnlySpan<float> mask)
    {
        ArgumentNullException.ThrowIfNull(spectrogram);
        ComplexSpectrogram result = spectrogram.Clone();
        result.MultiplyBy(mask);
        return result;
    }

    private static void CheckLengths(int first, int second, int destination)
    {
        if (first != second || first != destination)
        {
            throw new ArgumentException($"The spans have different lengths ({first}, {second}, destination {destination}).");
        }
    }
}
