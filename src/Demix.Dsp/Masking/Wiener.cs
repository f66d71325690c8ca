using Demix.Dsp.Stft;

namespace Demix.Dsp.Masking;

/// <summary>
/// The Open-Unmix multichannel Wiener filter refined by expectation-maximisation (openunmix/filtering.py
/// <c>wiener</c>, after Nugraha, Liutkus and Vincent 2016 and Uhlich et al. 2017), computed in float64,
/// one block of frames at a time (the Separator's <c>wiener_win_len</c>).
/// </summary>
/// <remarks>
/// Per block: initial estimates y_j = |S_j| e^{i angle(x)} (or soft masks x S_j / (eps + sum S)); optional
/// residual y = x - sum_j y_j; then, when iterating, scaling by max(1, max|x| / scaleFactor) and EM:
/// v_j = mean_c |y_j|^2, R_j[f] = sum_t y_j y_j^H / (eps + sum_t v_j), C_x = sqrt(eps) I + sum_j v_j R_j,
/// y_j = v_j R_j C_x^{-1} x (closed-form 1x1 / 2x2 inverses). Like the reference, a mixture bin whose real
/// and imaginary parts are both exactly 0 has its real part set to 1 before the phase is taken (the
/// reference's atan2 helper does this in place), which also changes the residual and the EM input there.
/// </remarks>
public static class Wiener
{
    /// <summary>Bins per parallel work item: the chunk's float64 working set stays in the L2 cache.</summary>
    private const int BinsPerChunk = 16;

    /// <summary>
    /// Separates <paramref name="mixture"/> ([channels 1 or 2, frames, bins]) with one magnitude estimate per
    /// target (<paramref name="targetMagnitudes"/>[j], [channels, frames, bins], same length as the mixture).
    /// Returns one complex spectrogram per target, plus the residual (mixture minus targets) last when
    /// <paramref name="residual"/> is set. <paramref name="blockFrames"/> frames are filtered at a time
    /// (0 = all frames in one block).
    /// </summary>
    public static ComplexSpectrogram[] Filter(ComplexSpectrogram mixture, IReadOnlyList<float[]> targetMagnitudes,
        int iterations = 1, bool softmask = false, bool residual = true, int blockFrames = 300,
        double scaleFactor = 10.0, double eps = 1e-10, int maxDegreeOfParallelism = -1)
    {
        Validate(mixture, targetMagnitudes, iterations, residual, blockFrames);
        int sourceCount = targetMagnitudes.Count + (residual ? 1 : 0);
        var outputs = new ComplexSpectrogram[sourceCount];
        for (int j = 0; j < sourceCount; j++) outputs[j] = new ComplexSpectrogram(mixture.ChannelCount, mixture.FrameCount, mixture.BinCount);
        int block = blockFrames == 0 ? Math.Max(1, mixture.FrameCount) : Math.Min(blockFrames, Math.Max(1, mixture.FrameCount));
        var settings = new WienerSettings(iterations, softmask, residual, scaleFactor, eps, maxDegreeOfParallelism);
        float[][] targets = [.. targetMagnitudes];
        for (int first = 0; first < mixture.FrameCount; first += block)
        {
            int count = Math.Min(block, mixture.FrameCount - first);
            FilterBlock(mixture, targets, first, count, settings, outputs);
        }
        return outputs;
    }

    /// <summary>One block of frames, in parallel chunks of bins (EM treats every bin on its own).</summary>
    private static void FilterBlock(ComplexSpectrogram mixture, float[][] targets, int firstFrame, int frameCount, WienerSettings settings, ComplexSpectrogram[] outputs)
    {
        double scale = Math.Max(1.0, MaxMagnitude(mixture, firstFrame, frameCount, settings.Softmask) / settings.ScaleFactor);
        int chunks = (mixture.BinCount + BinsPerChunk - 1) / BinsPerChunk;
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism };
        Parallel.For(0, chunks, options,
            () => new WienerChunk(settings, mixture.ChannelCount, targets.Length, frameCount, BinsPerChunk),
            (chunk, _, worker) =>
            {
                int firstBin = chunk * BinsPerChunk;
                worker.Process(mixture, targets, firstFrame, frameCount, firstBin, Math.Min(BinsPerChunk, mixture.BinCount - firstBin), scale, outputs);
                return worker;
            },
            static _ => { });
    }

    /// <summary>max |x| over a block of frames; with the zero quirk, exact zeros count as magnitude 1.</summary>
    private static double MaxMagnitude(ComplexSpectrogram mixture, int firstFrame, int frameCount, bool softmask)
    {
        double max = 0;
        for (int c = 0; c < mixture.ChannelCount; c++)
        {
            int start = mixture.Offset(c, firstFrame), end = start + frameCount * mixture.BinCount;
            for (int i = start; i < end; i++)
            {
                double re = mixture.Real[i], im = mixture.Imag[i];
                if (!softmask && re == 0 && im == 0) re = 1.0;
                max = Math.Max(max, re * re + im * im);
            }
        }
        return Math.Sqrt(max);
    }

    private static void Validate(ComplexSpectrogram mixture, IReadOnlyList<float[]> targetMagnitudes, int iterations, bool residual, int blockFrames)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        ArgumentNullException.ThrowIfNull(targetMagnitudes);
        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        ArgumentOutOfRangeException.ThrowIfNegative(blockFrames);
        if (mixture.ChannelCount is < 1 or > 2)
        {
            throw new ArgumentException($"The Wiener filter supports 1 or 2 channels; the mixture has {mixture.ChannelCount}.", nameof(mixture));
        }
        if (targetMagnitudes.Count == 0) throw new ArgumentException("At least one target magnitude is needed.", nameof(targetMagnitudes));
        for (int j = 0; j < targetMagnitudes.Count; j++)
        {
            if (targetMagnitudes[j] is null || targetMagnitudes[j].Length != mixture.Length)
            {
                throw new ArgumentException($"Target {j} has {targetMagnitudes[j]?.Length ?? 0} values; the mixture has {mixture.Length} ([channels, frames, bins]).", nameof(targetMagnitudes));
            }
        }
        if (iterations > 0 && targetMagnitudes.Count + (residual ? 1 : 0) < 2)
        {
            throw new ArgumentException("EM iterations need at least two sources: add a target or the residual.", nameof(iterations));
        }
    }
}

/// <summary>The options of one <see cref="Wiener.Filter"/> call.</summary>
internal sealed record WienerSettings(int Iterations, bool Softmask, bool Residual, double ScaleFactor, double Eps, int MaxDegreeOfParallelism);
