using Demix.Separation.Methods.Repet;

namespace Demix.Separation.Methods.Hpss;

/// <summary>
/// FitzGerald's median-filtering HPSS as a vocal mask: per channel, H = median of |X| over 17 frames around each frame,
/// P = median over 17 bins around each bin (windows truncated at the edges), vocal mask = H^p / (H^p + P^p), 0 below
/// the cutoff.
/// </summary>
public sealed class HpssModel(HpssOptions options) : IVocalMaskModel
{
    private const double Epsilon = 1e-20;

    /// <inheritdoc />
    public float[][][] VocalMasks(float[][][] magnitudes, int sampleRate, int fftSize)
    {
        ArgumentNullException.ThrowIfNull(magnitudes);
        int cutoffBin = (int)Math.Ceiling(options.CutoffHz * fftSize / sampleRate);
        return [.. magnitudes.Select(v => ChannelMask(v, cutoffBin))];
    }

    private float[][] ChannelMask(float[][] v, int cutoffBin)
    {
        int frames = v.Length, bins = v[0].Length;
        var mask = new float[frames][];
        int halfTime = options.HarmonicFrames / 2, halfBins = options.PercussiveBins / 2;
        Parallel.For(0, frames, t =>
        {
            var window = new float[Math.Max(options.HarmonicFrames, options.PercussiveBins)];
            mask[t] = new float[bins];
            for (int f = cutoffBin; f < bins; f++)
            {
                int count = 0;
                for (int u = Math.Max(0, t - halfTime); u <= Math.Min(frames - 1, t + halfTime); u++) window[count++] = v[u][f];
                double harmonic = Math.Pow(Median(window, count), options.MaskPower);
                count = 0;
                for (int g = Math.Max(0, f - halfBins); g <= Math.Min(bins - 1, f + halfBins); g++) window[count++] = v[t][g];
                double percussive = Math.Pow(Median(window, count), options.MaskPower);
                mask[t][f] = (float)((harmonic + Epsilon / 2) / (harmonic + percussive + Epsilon));
            }
        });
        return mask;
    }

    private static float Median(float[] values, int count)
    {
        Array.Sort(values, 0, count);
        return count % 2 == 1 ? values[count / 2] : 0.5f * (values[count / 2 - 1] + values[count / 2]);
    }
}
