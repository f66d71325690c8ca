using Demix.Dsp.Stft;
using StftTransform = Demix.Dsp.Stft.Stft;

namespace Demix.Separation.Models.Pix2Pix;

/// <summary>
/// Griffin and Lim (1984) phase reconstruction with Demix.Dsp's STFT: start from a phase, then repeat
/// x = iSTFT(|S| e^{i phase}); phase = angle(STFT(x)). Each iteration does not increase the spectral distance
/// between |STFT(x)| and the target magnitude |S|.
/// </summary>
public static class GriffinLim
{
    /// <summary>A waveform whose STFT magnitude approaches <paramref name="magnitude"/>.</summary>
    /// <param name="magnitude">Target magnitude, [channels * frames * bins] in <paramref name="initialPhase"/>'s layout.</param>
    /// <param name="initialPhase">Spectrogram whose phase starts the iterations (e.g. the mixture's); [channels, frames, bins].</param>
    /// <param name="config">The STFT (must match the spectrogram's).</param>
    /// <param name="length">Samples per channel of the result.</param>
    /// <param name="iterations">Griffin-Lim iterations (0 = the initial phase as is).</param>
    /// <returns>[channels][length].</returns>
    public static float[][] Reconstruct(float[] magnitude, ComplexSpectrogram initialPhase, StftConfig config, int length, int iterations)
    {
        ArgumentNullException.ThrowIfNull(magnitude);
        ArgumentNullException.ThrowIfNull(initialPhase);
        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        ComplexSpectrogram estimate = WithMagnitude(initialPhase, magnitude);
        for (int i = 0; i < iterations; i++)
        {
            float[][] signal = StftTransform.Inverse(estimate, config, length);
            estimate = WithMagnitude(StftTransform.Forward(signal, config), magnitude);
        }
        return StftTransform.Inverse(estimate, config, length);
    }

    /// <summary>Spectral convergence || |STFT(x)| - M || / ||M||, the figure Griffin-Lim lowers.</summary>
    public static double SpectralConvergence(float[][] signal, float[] magnitude, StftConfig config)
    {
        ArgumentNullException.ThrowIfNull(magnitude);
        float[] actual = StftTransform.Forward(signal, config).Magnitude();
        double error = 0, norm = 0;
        for (int i = 0; i < magnitude.Length; i++)
        {
            error += Math.Pow(actual[i] - magnitude[i], 2);
            norm += (double)magnitude[i] * magnitude[i];
        }
        return Math.Sqrt(error / norm);
    }

    /// <summary>The phase of <paramref name="phase"/> with magnitudes <paramref name="magnitude"/> (phase 0 where it is 0).</summary>
    private static ComplexSpectrogram WithMagnitude(ComplexSpectrogram phase, float[] magnitude)
    {
        var result = phase.Clone();
        for (int i = 0; i < result.Length; i++)
        {
            float re = result.Real[i], im = result.Imag[i];
            float norm = MathF.Sqrt(re * re + im * im);
            if (norm > 0)
            {
                result.Real[i] = magnitude[i] * re / norm;
                result.Imag[i] = magnitude[i] * im / norm;
            }
            else
            {
                result.Real[i] = magnitude[i];
                result.Imag[i] = 0f;
            }
        }
        return result;
    }
}
