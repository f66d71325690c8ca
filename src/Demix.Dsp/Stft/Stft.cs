namespace Demix.Dsp.Stft;

/// <summary>
/// Whole-signal STFT and inverse STFT of planar multichannel audio, parallel over channels and blocks of
/// frames. Conventions are set by <see cref="StftConfig"/> (torch center=True/False, scipy 'spectrum').
/// </summary>
public static class Stft
{
    private const int FramesPerWorkItem = 64;

    /// <summary>
    /// STFT of every channel. <paramref name="channels"/>: planar audio [channels][samples], all the same length.
    /// Returns [channels, frames, bins] with frames = <see cref="StftConfig.FrameCount"/>(length).
    /// </summary>
    public static ComplexSpectrogram Forward(float[][] channels, StftConfig config, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(config);
        int length = CheckChannels(channels, config);
        int frameCount = config.FrameCount(length);
        // Every element is written below, so the arrays need no zeroing.
        var spectrogram = ComplexSpectrogram.CreateUninitialized(channels.Length, frameCount, config.BinCount);
        int blocks = (frameCount + FramesPerWorkItem - 1) / FramesPerWorkItem;
        Parallel.For(0, channels.Length * blocks, Options(maxDegreeOfParallelism), () => new FrameAnalyzer(config), (item, _, analyzer) =>
        {
            int channel = item / blocks, first = item % blocks * FramesPerWorkItem;
            int last = Math.Min(frameCount, first + FramesPerWorkItem);
            for (int t = first; t < last; t++)
            {
                analyzer.Analyze(channels[channel], 0, length, t, spectrogram.RealFrame(channel, t), spectrogram.ImagFrame(channel, t));
            }
            return analyzer;
        }, static _ => { });
        return spectrogram;
    }

    /// <summary>STFT of one channel; returns [1, frames, bins].</summary>
    public static ComplexSpectrogram Forward(float[] signal, StftConfig config) => Forward([signal], config);

    /// <summary>
    /// Inverse STFT: per frame irfft, synthesis window, overlap-add, division by the overlap-added w^2, the
    /// centre offset dropped, and the result cut or zero-extended to <paramref name="length"/> samples.
    /// Samples no window covers are 0. Returns planar audio [channels][length].
    /// </summary>
    public static float[][] Inverse(ComplexSpectrogram spectrogram, StftConfig config, int length, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(spectrogram);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        CheckBins(spectrogram, config);
        int channelCount = spectrogram.ChannelCount;
        var output = new float[channelCount][];
        for (int c = 0; c < channelCount; c++) output[c] = GC.AllocateUninitializedArray<float>(length);   // every sample is written
        int regionLength = FramesPerWorkItem * config.HopSize;
        int regions = (length + regionLength - 1) / regionLength;
        Parallel.For(0, channelCount * regions, Options(maxDegreeOfParallelism), () => new InverseWorker(config, regionLength), (item, _, worker) =>
        {
            int channel = item / regions, start = item % regions * regionLength;
            worker.Region(spectrogram, channel, output[channel].AsSpan(start, Math.Min(regionLength, length - start)), start);
            return worker;
        }, static _ => { });
        return output;
    }

    internal static int CheckChannels(float[][] channels, StftConfig config)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Length == 0) throw new ArgumentException("At least one channel is needed.", nameof(channels));
        int length = channels[0]?.Length ?? throw new ArgumentException("Channel 0 is null.", nameof(channels));
        for (int c = 1; c < channels.Length; c++)
        {
            if (channels[c] is null || channels[c].Length != length)
            {
                throw new ArgumentException($"Channel {c} has {channels[c]?.Length ?? 0} samples; channel 0 has {length}.", nameof(channels));
            }
        }
        if (length == 0 && config.Center && config.PadMode == PadMode.Reflect)
        {
            throw new ArgumentException("Reflect padding needs at least one sample; the signal is empty.", nameof(channels));
        }
        return length;
    }

    internal static void CheckBins(ComplexSpectrogram spectrogram, StftConfig config)
    {
        if (spectrogram.BinCount != config.BinCount)
        {
            throw new ArgumentException($"The spectrogram has {spectrogram.BinCount} bins; {config} needs {config.BinCount}.", nameof(spectrogram));
        }
    }

    private static ParallelOptions Options(int maxDegreeOfParallelism) => new() { MaxDegreeOfParallelism = maxDegreeOfParallelism };

    /// <summary>Per-thread buffers for one output region of the inverse.</summary>
    private sealed class InverseWorker(StftConfig config, int regionLength)
    {
        private readonly FrameSynthesizer synthesizer = new(config);
        private readonly float[] sum = new float[regionLength];
        private readonly float[] envelope = new float[regionLength];

        /// <summary>Fills output samples [start, start + destination.Length) of one channel.</summary>
        public void Region(ComplexSpectrogram spectrogram, int channel, Span<float> destination, int start)
        {
            int count = destination.Length, hop = config.HopSize, fftSize = config.FftSize;
            Span<float> regionSum = sum.AsSpan(0, count), regionEnvelope = envelope.AsSpan(0, count);
            regionSum.Clear();
            regionEnvelope.Clear();
            long from = (long)start + config.Offset, to = from + count;   // extended positions
            long firstFrame = Math.Max(0, (from - fftSize + hop) / hop);     // first t with t hop + N > from
            long lastFrame = Math.Min(spectrogram.FrameCount - 1, (to - 1) / hop);
            for (long t = firstFrame; t <= lastFrame; t++)
            {
                synthesizer.AddFrame(spectrogram.RealFrame(channel, (int)t), spectrogram.ImagFrame(channel, (int)t), t, regionSum, regionEnvelope, from);
            }
            FrameSynthesizer.Normalize(regionSum, regionEnvelope, destination);
        }
    }
}
