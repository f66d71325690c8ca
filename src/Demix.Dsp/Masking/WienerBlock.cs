using Demix.Dsp.Stft;

namespace Demix.Dsp.Masking;

/// <summary>
/// One block of frames of <see cref="Wiener.Filter"/> in float64. Arrays are [channel, frame, bin] within the
/// block (index (c T + t) F + f) for the mixture x and each source y_j; v_j is [frame, bin]. The EM updates
/// of different bins are independent, so bins are processed in parallel chunks.
/// </summary>
internal sealed class WienerBlock
{
    private const int BinsPerWorkItem = 32;

    private readonly WienerSettings settings;
    private readonly int channels, frames, bins, firstFrame, targetCount, sourceCount;
    private readonly double[] xr, xi;
    private readonly double[][] yr, yi;

    public WienerBlock(ComplexSpectrogram mixture, IReadOnlyList<float[]> targetMagnitudes, int firstFrame, int frameCount, WienerSettings settings)
    {
        this.settings = settings;
        this.firstFrame = firstFrame;
        channels = mixture.ChannelCount;
        frames = frameCount;
        bins = mixture.BinCount;
        targetCount = targetMagnitudes.Count;
        sourceCount = targetCount + (settings.Residual ? 1 : 0);
        int size = channels * frames * bins;
        xr = new double[size];
        xi = new double[size];
        yr = new double[sourceCount][];
        yi = new double[sourceCount][];
        for (int j = 0; j < sourceCount; j++)
        {
            yr[j] = new double[size];
            yi[j] = new double[size];
        }
        LoadMixture(mixture);
        InitialEstimates(mixture, targetMagnitudes);
    }

    /// <summary>Runs the EM iterations (if any) and writes every source's block into <paramref name="outputs"/>.</summary>
    public void Run(ComplexSpectrogram[] outputs)
    {
        if (settings.Iterations > 0)
        {
            double maxAbs = 0;
            for (int i = 0; i < xr.Length; i++) maxAbs = Math.Max(maxAbs, Math.Sqrt(xr[i] * xr[i] + xi[i] * xi[i]));
            double scale = Math.Max(1.0, maxAbs / settings.ScaleFactor);
            ScaleAll(1.0 / scale);
            int chunks = (bins + BinsPerWorkItem - 1) / BinsPerWorkItem;
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism }, chunk =>
            {
                var em = new WienerEm(this, chunk * BinsPerWorkItem, Math.Min(bins, (chunk + 1) * BinsPerWorkItem));
                for (int it = 0; it < settings.Iterations; it++) em.Iterate();
            });
            ScaleAll(scale);
        }
        for (int j = 0; j < sourceCount; j++) Store(j, outputs[j]);
    }

    public int Channels => channels;
    public int Frames => frames;
    public int Bins => bins;
    public int SourceCount => sourceCount;
    public double Eps => settings.Eps;
    public double[] MixReal => xr;
    public double[] MixImag => xi;
    public double[][] SourceReal => yr;
    public double[][] SourceImag => yi;

    private void LoadMixture(ComplexSpectrogram mixture)
    {
        for (int c = 0; c < channels; c++)
        {
            for (int t = 0; t < frames; t++)
            {
                int source = mixture.Offset(c, firstFrame + t), target = (c * frames + t) * bins;
                for (int f = 0; f < bins; f++)
                {
                    xr[target + f] = mixture.Real[source + f];
                    xi[target + f] = mixture.Imag[source + f];
                    // The reference's atan2 helper adds 1 in place to the real part where both parts are 0.
                    if (!settings.Softmask && xr[target + f] == 0 && xi[target + f] == 0) xr[target + f] = 1.0;
                }
            }
        }
    }

    private void InitialEstimates(ComplexSpectrogram mixture, IReadOnlyList<float[]> targetMagnitudes)
    {
        for (int c = 0; c < channels; c++)
        {
            for (int t = 0; t < frames; t++)
            {
                int source = mixture.Offset(c, firstFrame + t), target = (c * frames + t) * bins;
                for (int f = 0; f < bins; f++) InitialEstimate(targetMagnitudes, source + f, target + f);
            }
        }
    }

    /// <summary>y_j at one element: magnitude with the mixture phase, or the soft mask; then the residual.</summary>
    private void InitialEstimate(IReadOnlyList<float[]> targetMagnitudes, int source, int target)
    {
        double re = xr[target], im = xi[target];
        if (settings.Softmask)
        {
            double total = settings.Eps;
            for (int j = 0; j < targetCount; j++) total += targetMagnitudes[j][source];
            for (int j = 0; j < targetCount; j++)
            {
                double gain = targetMagnitudes[j][source] / total;
                yr[j][target] = re * gain;
                yi[j][target] = im * gain;
            }
        }
        else
        {
            double magnitude = Math.Sqrt(re * re + im * im), cos = re / magnitude, sin = im / magnitude;
            for (int j = 0; j < targetCount; j++)
            {
                yr[j][target] = targetMagnitudes[j][source] * cos;
                yi[j][target] = targetMagnitudes[j][source] * sin;
            }
        }
        if (!settings.Residual) return;
        double restRe = re, restIm = im;
        for (int j = 0; j < targetCount; j++)
        {
            restRe -= yr[j][target];
            restIm -= yi[j][target];
        }
        yr[targetCount][target] = restRe;
        yi[targetCount][target] = restIm;
    }

    private void ScaleAll(double factor)
    {
        Scale(xr, factor);
        Scale(xi, factor);
        for (int j = 0; j < sourceCount; j++)
        {
            Scale(yr[j], factor);
            Scale(yi[j], factor);
        }
    }

    private static void Scale(double[] values, double factor)
    {
        for (int i = 0; i < values.Length; i++) values[i] *= factor;
    }

    private void Store(int j, ComplexSpectrogram output)
    {
        for (int c = 0; c < channels; c++)
        {
            for (int t = 0; t < frames; t++)
            {
                int target = output.Offset(c, firstFrame + t), source = (c * frames + t) * bins;
                for (int f = 0; f < bins; f++)
                {
                    output.Real[target + f] = (float)yr[j][source + f];
                    output.Imag[target + f] = (float)yi[j][source + f];
                }
            }
        }
    }
}
