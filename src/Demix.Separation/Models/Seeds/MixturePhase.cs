using Demix.Dsp.Stft;

namespace Demix.Separation.Models.Seeds;

/// <summary>Gives an estimated magnitude the mixture's phase.</summary>
public static class MixturePhase
{
    /// <summary>A spectrogram with magnitudes <paramref name="target"/> and the phase of <paramref name="mixture"/> (zero where |X| = 0).</summary>
    /// <param name="mixture">[channels, frames, bins].</param>
    /// <param name="mixtureMagnitude">|X| in the same layout.</param>
    /// <param name="target">Estimated magnitudes in the same layout (may exceed |X|).</param>
    public static ComplexSpectrogram Apply(ComplexSpectrogram mixture, float[] mixtureMagnitude, float[] target)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        ArgumentNullException.ThrowIfNull(mixtureMagnitude);
        ArgumentNullException.ThrowIfNull(target);
        var result = mixture.Clone();
        for (int i = 0; i < result.Length; i++)
        {
            float scale = mixtureMagnitude[i] > 0 ? target[i] / mixtureMagnitude[i] : 0f;
            result.Real[i] *= scale;
            result.Imag[i] *= scale;
        }
        return result;
    }

    /// <summary>Zero-extends channels shorter than <paramref name="minimum"/> samples (reflect padding needs more than fftSize / 2).</summary>
    public static float[][] ExtendTo(float[][] channels, int minimum)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (channels[0].Length >= minimum) return channels;
        return [.. channels.Select(c =>
        {
            var result = new float[minimum];
            c.CopyTo(result, 0);
            return result;
        })];
    }
}
