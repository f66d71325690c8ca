using Demix.Dsp.Stft;

namespace Demix.Dsp.Masking;

/// <summary>
/// The float64 working set of <see cref="Wiener.Filter"/> for one block of frames and a small range of bins
/// (so that it stays in cache): mixture x and sources y_j as [channel, frame, bin-in-chunk], index
/// (c T + t) B + b. EM updates of different bins are independent, so chunks run in parallel; one instance
/// per thread is reused across chunks.
/// </summary>
internal sealed class WienerChunk
{
    private readonly WienerSettings settings;
    private readonly int channels, targetCount;

    public WienerChunk(WienerSettings settings, int channels, int targetCount, int maxFrames, int maxBins)
    {
        this.settings = settings;
        this.channels = channels;
        this.targetCount = targetCount;
        SourceCount = targetCount + (settings.Residual ? 1 : 0);
        int size = channels * maxFrames * maxBins;
        MixReal = new double[size];
        MixImag = new double[size];
        SourceReal = new double[SourceCount][];
        SourceImag = new double[SourceCount][];
        for (int j = 0; j < SourceCount; j++)
        {
            SourceReal[j] = new double[size];
            SourceImag[j] = new double[size];
        }
        Em = new WienerEm(this, maxFrames, maxBins);
    }

    public int Channels => channels;
    public int SourceCount { get; }
    public int Frames { get; private set; }
    public int Bins { get; private set; }
    public double Eps => settings.Eps;
    public double[] MixReal { get; }
    public double[] MixImag { get; }
    public double[][] SourceReal { get; }
    public double[][] SourceImag { get; }
    private WienerEm Em { get; }

    /// <summary>
    /// Filters frames [firstFrame, firstFrame + frames) x bins [firstBin, firstBin + bins) and writes every source
    /// into <paramref name="outputs"/>; <paramref name="scale"/> is the block's max(1, max|x| / scaleFactor).
    /// </summary>
    public void Process(ComplexSpectrogram mixture, float[][] targets, int firstFrame, int frames, int firstBin, int bins, double scale, ComplexSpectrogram[] outputs)
    {
        Frames = frames;
        Bins = bins;
        for (int c = 0; c < channels; c++)
        {
            for (int t = 0; t < frames; t++)
            {
                int source = mixture.Offset(c, firstFrame + t) + firstBin, local = (c * frames + t) * bins;
                for (int b = 0; b < bins; b++) InitialEstimate(mixture, targets, source + b, local + b);
            }
        }
        if (settings.Iterations > 0)
        {
            ScaleAll(1.0 / scale);
            for (int it = 0; it < settings.Iterations; it++) Em.Iterate();
            ScaleAll(scale);
        }
        Store(outputs, firstFrame, firstBin);
    }

    /// <summary>x and y_j at one element: magnitude with the mixture phase or the soft mask; then the residual.</summary>
    private void InitialEstimate(ComplexSpectrogram mixture, float[][] targets, int source, int local)
    {
        double re = mixture.Real[source], im = mixture.Imag[source];
        // The reference's atan2 helper adds 1 in place to the real part where both parts are 0.
        if (!settings.Softmask && re == 0 && im == 0) re = 1.0;
        MixReal[local] = re;
        MixImag[local] = im;
        if (settings.Softmask)
        {
            double total = settings.Eps;
            for (int j = 0; j < targetCount; j++) total += targets[j][source];
            for (int j = 0; j < targetCount; j++)
            {
                double gain = targets[j][source] / total;
                SourceReal[j][local] = re * gain;
                SourceImag[j][local] = im * gain;
            }
        }
        else
        {
            double magnitude = Math.Sqrt(re * re + im * im), cos = re / magnitude, sin = im / magnitude;
            for (int j = 0; j < targetCount; j++)
            {
                SourceReal[j][local] = targets[j][source] * cos;
                SourceImag[j][local] = targets[j][source] * sin;
            }
        }
        if (!settings.Residual) return;
        double restRe = re, restIm = im;
        for (int j = 0; j < targetCount; j++)
        {
            restRe -= SourceReal[j][local];
            restIm -= SourceImag[j][local];
        }
        SourceReal[targetCount][local] = restRe;
        SourceImag[targetCount][local] = restIm;
    }

    private void ScaleAll(double factor)
    {
        int size = channels * Frames * Bins;
        Scale(MixReal.AsSpan(0, size), factor);
        Scale(MixImag.AsSpan(0, size), factor);
        for (int j = 0; j < SourceCount; j++)
        {
            Scale(SourceReal[j].AsSpan(0, size), factor);
            Scale(SourceImag[j].AsSpan(0, size), factor);
        }
    }

    private static void Scale(Span<double> values, double factor)
    {
        for (int i = 0; i < values.Length; i++) values[i] *= factor;
    }

    private void Store(ComplexSpectrogram[] outputs, int firstFrame, int firstBin)
    {
        for (int j = 0; j < SourceCount; j++)
        {
            for (int c = 0; c < channels; c++)
            {
                for (int t = 0; t < Frames; t++)
                {
                    int target = outputs[j].Offset(c, firstFrame + t) + firstBin, local = (c * Frames + t) * Bins;
                    for (int b = 0; b < Bins; b++)
                    {
                        outputs[j].Real[target + b] = (float)SourceReal[j][local + b];
                        outputs[j].Imag[target + b] = (float)SourceImag[j][local + b];
                    }
                }
            }
        }
    }
}
