namespace Demix.Separation.Methods.Repet;

/// <summary>
/// REPET's masks (Rafii and Pardo 2013): the repeating period p from the beat spectrum of the channel-mean power
/// spectrogram; per channel, the repeating segment model S = element-wise median of the spectrogram's segments of
/// length p; the repeating spectrogram W = min(S, V); the soft background mask (W + eps) / (V + eps), set to 1 below the
/// cutoff (high-pass rule); vocals get 1 - background.
/// </summary>
public sealed class RepetModel(RepetOptions options) : IVocalMaskModel
{
    private const float Epsilon = 1e-12f;

    /// <summary>The period chosen for the last track, frames (for tests and diagnostics).</summary>
    public int LastPeriodFrames { get; private set; }

    /// <inheritdoc />
    public float[][][] VocalMasks(float[][][] magnitudes, int sampleRate, int fftSize)
    {
        ArgumentNullException.ThrowIfNull(magnitudes);
        int frames = magnitudes[0].Length, bins = magnitudes[0][0].Length;
        double framesPerSecond = (double)sampleRate / (fftSize / 2);
        int minLag = (int)Math.Round(options.MinPeriodSeconds * framesPerSecond);
        int maxLag = (int)Math.Round(Math.Min(options.MaxPeriodSeconds * framesPerSecond, frames / 3.0));
        int period = maxLag < 1 ? frames : BeatSpectrum.Period(BeatSpectrum.Compute(MeanPowerByBin(magnitudes), maxLag), minLag, maxLag);
        LastPeriodFrames = period;
        int cutoffBin = (int)Math.Ceiling(options.CutoffHz * fftSize / sampleRate);
        return [.. magnitudes.Select(v => ChannelMask(v, period, frames, bins, cutoffBin))];
    }

    /// <summary>Mean over channels of |X|^2, transposed to <c>[bin][frame]</c>.</summary>
    internal static float[][] MeanPowerByBin(float[][][] magnitudes)
    {
        int frames = magnitudes[0].Length, bins = magnitudes[0][0].Length;
        var power = new float[bins][];
        for (int f = 0; f < bins; f++)
        {
            power[f] = new float[frames];
            for (int t = 0; t < frames; t++)
            {
                float sum = 0;
                foreach (float[][] channel in magnitudes) sum += channel[t][f] * channel[t][f];
                power[f][t] = sum / magnitudes.Length;
            }
        }
        return power;
    }

    private static float[][] ChannelMask(float[][] v, int period, int frames, int bins, int cutoffBin)
    {
        int segments = (frames + period - 1) / period;
        var mask = new float[frames][];
        for (int t = 0; t < frames; t++) mask[t] = new float[bins];
        Parallel.For(0, period, k =>
        {
            var values = new float[segments];
            for (int f = 0; f < bins; f++)
            {
                int count = 0;
                for (int t = k; t < frames; t += period) values[count++] = v[t][f];
                float model = Median(values, count);
                for (int t = k; t < frames; t += period)
                {
                    float background = f < cutoffBin ? 1f : (Math.Min(model, v[t][f]) + Epsilon) / (v[t][f] + Epsilon);
                    mask[t][f] = 1f - background;
                }
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
