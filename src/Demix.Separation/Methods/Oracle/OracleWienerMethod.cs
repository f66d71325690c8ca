using System.Numerics;
using Demix.Dsp.Stft;

namespace Demix.Separation.Methods.Oracle;

/// <summary>
/// sigsep-mus-oracle's MWF: for each source j, the power spectral density <c>v_j(f, t) = mean_i |S_ji(f, t)|^2</c> and the
/// spatial covariance <c>R_j(f) = sum_t S_j S_j^H / sum_t v_j</c> (I x I, I = channels); the mixture covariance
/// <c>C(f, t) = sum_j v_j R_j</c>; each estimate is <c>v_j R_j C^-1 X</c>. Mono and stereo; float64 inside.
/// </summary>
public sealed class OracleWienerMethod : IOracleMethod
{
    private const double Epsilon = 1e-10;   // keeps silent bins and all-zero covariances invertible

    /// <inheritdoc />
    public string Name => "mwf";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, float[][]> Separate(float[][] mixture, IReadOnlyDictionary<string, float[][]> sources)
    {
        var (names, spectra) = OracleSpectra.Sources(mixture, sources);
        if (mixture.Length is not (1 or 2)) throw new ArgumentException($"The MWF oracle handles 1 or 2 channels, not {mixture.Length}.", nameof(mixture));
        ComplexSpectrogram mix = Stft.Forward(mixture, OracleSpectra.Config);
        double[][] psd = [.. spectra.Select(Psd)];
        Complex[][] covariance = [.. spectra.Select((s, j) => SpatialCovariance(s, psd[j]))];
        ComplexSpectrogram[] outputs = [.. spectra.Select(_ => new ComplexSpectrogram(mix.ChannelCount, mix.FrameCount, mix.BinCount))];
        int channels = mix.ChannelCount, bins = mix.BinCount;
        Parallel.For(0, mix.FrameCount, t =>
        {
            var x = new Complex[channels];
            for (int f = 0; f < bins; f++)
            {
                for (int i = 0; i < channels; i++) x[i] = Get(mix, i, t, f);
                Complex[] inverse = Inverse(MixtureCovariance(psd, covariance, t * bins + f, f, channels), channels);
                for (int j = 0; j < outputs.Length; j++) Apply(outputs[j], psd[j][t * bins + f], covariance[j], inverse, x, t, f);
            }
        });
        var estimates = new Dictionary<string, float[][]>(StringComparer.Ordinal);
        for (int j = 0; j < names.Length; j++) estimates[names[j]] = OracleSpectra.Inverse(outputs[j], mixture[0].Length);
        return estimates;
    }

    /// <summary>v(f, t) = mean over channels of |S|^2, [frames * bins].</summary>
    private static double[] Psd(ComplexSpectrogram s)
    {
        var v = new double[s.FrameCount * s.BinCount];
        for (int c = 0; c < s.ChannelCount; c++)
        {
            int offset = s.Offset(c, 0);
            for (int k = 0; k < v.Length; k++)
                v[k] += ((double)s.Real[offset + k] * s.Real[offset + k] + (double)s.Imag[offset + k] * s.Imag[offset + k]) / s.ChannelCount;
        }
        return v;
    }

    /// <summary>R(f) = sum_t S S^H / sum_t v, stored [bins * I * I] row-major.</summary>
    private static Complex[] SpatialCovariance(ComplexSpectrogram s, double[] v)
    {
        int channels = s.ChannelCount, bins = s.BinCount;
        var r = new Complex[bins * channels * channels];
        for (int f = 0; f < bins; f++)
        {
            double total = Epsilon;
            for (int t = 0; t < s.FrameCount; t++) total += v[t * bins + f];
            for (int a = 0; a < channels; a++)
            {
                for (int b = 0; b < channels; b++)
                {
                    Complex sum = Complex.Zero;
                    for (int t = 0; t < s.FrameCount; t++) sum += Get(s, a, t, f) * Complex.Conjugate(Get(s, b, t, f));
                    r[(f * channels + a) * channels + b] = sum / total;
                }
            }
        }
        return r;
    }

    private static Complex[] MixtureCovariance(double[][] psd, Complex[][] covariance, int k, int f, int channels)
    {
        var c = new Complex[channels * channels];
        for (int j = 0; j < psd.Length; j++)
            for (int e = 0; e < c.Length; e++) c[e] += psd[j][k] * covariance[j][f * c.Length + e];
        for (int i = 0; i < channels; i++) c[i * channels + i] += Epsilon;
        return c;
    }

    private static Complex[] Inverse(Complex[] m, int channels)
    {
        if (channels == 1) return [1.0 / m[0]];
        Complex determinant = m[0] * m[3] - m[1] * m[2];
        return [m[3] / determinant, -m[1] / determinant, -m[2] / determinant, m[0] / determinant];
    }

    /// <summary>Y = v R C^-1 X for one bin.</summary>
    private static void Apply(ComplexSpectrogram output, double v, Complex[] r, Complex[] inverse, Complex[] x, int t, int f)
    {
        int channels = x.Length, size = channels * channels;
        Span<Complex> cx = stackalloc Complex[2];
        for (int a = 0; a < channels; a++)
        {
            cx[a] = Complex.Zero;
            for (int b = 0; b < channels; b++) cx[a] += inverse[a * channels + b] * x[b];
        }
        for (int a = 0; a < channels; a++)
        {
            Complex y = Complex.Zero;
            for (int b = 0; b < channels; b++) y += r[f * size + a * channels + b] * cx[b];
            y *= v;
            int index = output.Offset(a, t) + f;
            output.Real[index] = (float)y.Real;
            output.Imag[index] = (float)y.Imaginary;
        }
    }

    private static Complex Get(ComplexSpectrogram s, int channel, int t, int f)
    {
        int index = s.Offset(channel, t) + f;
        return new Complex(s.Real[index], s.Imag[index]);
    }
}
