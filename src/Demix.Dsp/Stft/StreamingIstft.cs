namespace Demix.Dsp.Stft;

/// <summary>
/// Overlap-add inverse STFT of a stream of frames with bounded memory: each <see cref="Push"/> takes the
/// next frames in order and returns the output samples no later frame can change; <see cref="Complete"/>
/// returns the rest, cut or zero-extended to the final length. The concatenated output equals
/// <see cref="Stft.Inverse"/> on the whole spectrogram, bit for bit, whatever the chunk sizes.
/// Not thread-safe: one stream per consumer.
/// </summary>
public sealed class StreamingIstft
{
    private readonly StftConfig config;
    private readonly FrameSynthesizer synthesizer;
    private readonly float[][] sum;       // [channel][positions]: extended positions [bufferStart, bufferStart + capacity)
    private readonly float[][] envelope;  // overlap-added w^2, same positions
    private readonly long signalLength;
    private bool completed;

    /// <summary>
    /// Creates a stream for <paramref name="channelCount"/> channels. When the signal length is known, pass it
    /// as <paramref name="signalLength"/>: no sample past it is ever emitted (frames of a
    /// <see cref="StftConfig.PadEnd"/> configuration reach beyond the end).
    /// </summary>
    public StreamingIstft(StftConfig config, int channelCount, long? signalLength = null)
    {
        this.signalLength = signalLength ?? long.MaxValue;
        ArgumentNullException.ThrowIfNull(config);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channelCount);
        this.config = config;
        synthesizer = new FrameSynthesizer(config);
        sum = new float[channelCount][];
        envelope = new float[channelCount][];
        for (int c = 0; c < channelCount; c++)
        {
            sum[c] = new float[2 * config.FftSize];
            envelope[c] = new float[2 * config.FftSize];
        }
    }

    /// <summary>Number of channels.</summary>
    public int ChannelCount => sum.Length;

    /// <summary>Frames received so far.</summary>
    public long FramesReceived { get; private set; }

    /// <summary>Output samples per channel returned so far.</summary>
    public long SamplesEmitted { get; private set; }

    /// <summary>Extended position of buffer index 0: the next output sample plus the centre offset.</summary>
    private long BufferStart => SamplesEmitted + config.Offset;

    /// <summary>
    /// Adds the next frames ([channels, frames, bins], following the frames already pushed) and returns the
    /// output samples that became final, [channels][samples].
    /// </summary>
    public float[][] Push(ComplexSpectrogram frames)
    {
        if (completed) throw new InvalidOperationException("The stream has already been completed.");
        ArgumentNullException.ThrowIfNull(frames);
        Stft.CheckBins(frames, config);
        if (frames.ChannelCount != ChannelCount) throw new ArgumentException($"Expected {ChannelCount} channels, got {frames.ChannelCount}.", nameof(frames));
        long lastEnd = (FramesReceived + frames.FrameCount - 1) * config.HopSize + config.FftSize;
        for (int c = 0; c < ChannelCount; c++)
        {
            EnsureCapacity(c, (int)Math.Max(0, lastEnd - BufferStart));
            for (int t = 0; t < frames.FrameCount; t++)
            {
                synthesizer.AddFrame(frames.RealFrame(c, t), frames.ImagFrame(c, t), FramesReceived + t, sum[c], envelope[c], BufferStart);
            }
        }
        FramesReceived += frames.FrameCount;
        // Frames after the last one start at FramesReceived * hop: earlier positions are final.
        long finalSamples = Math.Min(signalLength, FramesReceived * config.HopSize - config.Offset);
        return Emit(Math.Max(0, finalSamples - SamplesEmitted));
    }

    /// <summary>Ends the stream: returns the remaining samples so that the total output has <paramref name="totalLength"/> samples.</summary>
    public float[][] Complete(long totalLength)
    {
        if (completed) throw new InvalidOperationException("The stream has already been completed.");
        if (totalLength < SamplesEmitted)
        {
            throw new ArgumentOutOfRangeException(nameof(totalLength), totalLength,
                $"{SamplesEmitted} samples were already returned; pass the signal length to the constructor to stop at it.");
        }
        completed = true;
        return Emit(totalLength - SamplesEmitted);
    }

    private float[][] Emit(long count)
    {
        var output = new float[ChannelCount][];
        for (int c = 0; c < ChannelCount; c++)
        {
            output[c] = new float[count];
            int available = (int)Math.Min(count, sum[c].Length);
            FrameSynthesizer.Normalize(sum[c].AsSpan(0, available), envelope[c].AsSpan(0, available), output[c].AsSpan(0, available));
            // Shift the unfinished positions to the buffer start and clear the freed tail.
            sum[c].AsSpan(available).CopyTo(sum[c]);
            envelope[c].AsSpan(available).CopyTo(envelope[c]);
            sum[c].AsSpan(sum[c].Length - available).Clear();
            envelope[c].AsSpan(envelope[c].Length - available).Clear();
        }
        SamplesEmitted += count;
        return output;
    }

    private void EnsureCapacity(int channel, int needed)
    {
        if (sum[channel].Length >= needed) return;
        int capacity = Math.Max(needed, 2 * sum[channel].Length);
        Array.Resize(ref sum[channel], capacity);
        Array.Resize(ref envelope[channel], capacity);
    }
}
