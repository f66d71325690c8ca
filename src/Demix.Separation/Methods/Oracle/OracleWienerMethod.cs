using System.Numerics;
using Demix.Dsp.Stft;

namespace Demix.Separation.Methods.Oracle;

/// <summary>
/// sigsep-mus-oracle's MWF (local Gaussian model with time-invariant spatial covariances), I = 1 or 2 channels,
/// float64 inside. For each source j with STFT S_j(f, t) (an I-vector):
/// <list type="number">
/// <item>a first power spectral density <c>v_j = mean_i |S_ji|^2</c>;</item>
/// <item>the spatial covariance <c>R_j(f) = mean_t S_j S_j^H / (eps + v_j)</c>, normalised to trace I, plus eps I;</item>
/// <item>the refined density <c>P_j = S_j^H R_j^-1 S_j / I</c>.</item>
/// </list>
/// The mixture covariance is <c>C = sum_j P_j R_j</c> and each estimate <c>P_j R_j C^-1 X</c>. Inverses add eps to the
/// determinant, as the reference does; eps is numpy's float64 machine epsilon. A silent source (trace 0) gets R = I.
/// With one channel R is 1 and the filter is IRM2.
/// </summary>
public sealed class OracleWienerMethod : IOracleMethod
{
    private const double Epsilon = 2.220446049250313e-16;

    /// <inheritdoc />
    public string Name => "mwf";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, float[][]> Separate(float[][] mixture, IReadOnlyDictionary<string, float[][]> sources)
    {
        var (names, spectra) = OracleSpectra.Sources(mixture, sources);
        if (mixture.Length is not (1 or 2)) throw new ArgumentException($"The MWF oracle handles 1 or 2 channels, not {mixture.Length}.", nameof(mixture));
        ComplexSpectrogram mix = Stft.Forward(mixture, OracleSpectra.Config);
        Complex[][] covariance = [.. spectra.Select(SpatialCovariance)];
        double[][] psd = [.. spectra.Select((s, j) => RefinedPsd(s, covariance[j]))];
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
    private static double[] NaivePsd(ComplexSpectrogram s)
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

    /// <summary>R(f) = mean_t S S^H / (eps + v), scaled to trace I, plus eps I; stored [bins * I * I] row-major.</summary>
    private static Complex[] SpatialCovariance(ComplexSpectrogram s)
    {
        double[] v = NaivePsd(s);
        int channels = s.ChannelCount, bins = s.BinCount, size = channels * channels;
        var r = new Complex[bins * size];
        for (int f = 0; f < bins; f++)
        {
            Span<Complex> block = r.AsSpan(f * size, size);
            for (int t = 0; t < s.FrameCount; t++)
            {
                double weight = 1.0 / (Epsilon + v[t * bins + f]);
                for (int a = 0; a < channels; a++)
                    for (int b = 0; b < channels; b++)
                        block[a * channels + b] += Get(s, a, t, f) * Complex.Conjugate(Get(s, b, t, f)) * weight;
            }
            double trace = 0;
            for (int a = 0; a < channels; a++) trace += block[a * channels + a].Real;
            for (int e = 0; e < size; e++) block[e] = trace > 0 ? block[e] * channels / trace : (e % (channels + 1) == 0 ? 1 : 0);
            for (int a = 0; a < channels; a++) block[a * channels + a] += Epsilon;
        }
        return r;
    }

    /// <summary>P(f, t) = S^H R^-1 S / I, [frames * bins].</summary>
    private static double[] RefinedPsd(ComplexSpectrogram s, Complex[] covariance)
    {
        int channels = s.ChannelCount, bins = s.BinCount, size = channels * channels;
        var inverses = new Complex[covariance.Length];
        for (int f = 0; f < bins; f++) Inverse(covariance.AsSpan(f * size, size).ToArray(), channels).CopyTo(inverses, f * size);
        var p = new double[s.FrameCount * bins];
        Span<Complex> x = stackalloc Complex[2];
        for (int t = 0; t < s.FrameCount; t++)
        {
            for (int f = 0; f < bins; f++)
            {
                for (int i = 0; i < channels; i++) x[i] = Get(s, i, t, f);
                double quadratic = 0;
                for (int a = 0; a < channels; a++)
                    for (int b = 0; b < channels; b++)
                        quadratic += (Complex.Conjugate(x[a]) * inverses[f * size + a * channels + b] * x[b]).Real;
                p[t * bins + f] = quadratic / channels;
            }
        }
        return p;
    }

    private static Complex[] MixtureCovariance(double[][] psd, Complex[][] covariance, int k, int f, int channels)
    {
        var c = new Complex[channels * channels];
        for (int j = 0; j < psd.Length; j++)
            for (int e = 0; e < c.Length; e++) c[e] += psd[j][k] * covariance[j][f * c.Length + e];
        return c;
    }

    /// <summary>The inverse of a 1 x 1 or 2 x 2 matrix with eps added to the determinant (the reference's rule).</summary>
    private static Complex[] Inverse(Complex[] m, int channels)
    {
        if (channels == 1) return [1.0 / (Epsilon + m[0])];
        Complex inverseDeterminant = 1.0 / (Epsilon + m[0] * m[3] - m[1] * m[2]);
        return [m[3] * inverseDeterminant, -m[1] * inverseDeterminant, -m[2] * inverseDeterminant, m[0] * inverseDeterminant];
    }

    /// <summary>Y = P R C^-1 X for one bin.</summary>
    private static void Apply(ComplexSpectrogram output, double p, Complex[] r, Complex[] inverse, Complex[] x, int t, int f)
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
            y *= p;
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
