namespace Demix.Dsp.Stft;

/// <summary>
/// STFT of a stream of planar audio blocks with memory bounded by the block and frame sizes: each
/// <see cref="Push"/> returns the frames that became complete; <see cref="Complete"/> returns the rest
/// once the length is known (end padding needs it). The frames equal those of <see cref="Stft.Forward(float[][], StftConfig, int)"/>
/// on the whole signal, bit for bit, whatever the block sizes. Not thread-safe: one stream per producer.
/// </summary>
public sealed class StreamingStft
{
    private readonly StftConfig config;
    private readonly FrameAnalyzer analyzer;
    private readonly float[][] buffer;   // [channel][samples]: original samples [bufferStart, bufferStart + bufferCount)
    private long bufferStart;
    private int bufferCount;
    private bool completed;

    /// <summary>Creates a stream for <paramref name="channelCount"/> channels.</summary>
    public StreamingStft(StftConfig config, int channelCount)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channelCount);
        this.config = config;
        analyzer = new FrameAnalyzer(config);
        buffer = new float[channelCount][];
        for (int c = 0; c < channelCount; c++) buffer[c] = new float[2 * config.FftSize];
    }

    /// <summary>Number of channels.</summary>
    public int ChannelCount => buffer.Length;

    /// <summary>Samples per channel received so far.</summary>
    public long SamplesReceived { get; private set; }

    /// <summary>Frames returned so far; the next returned frame has this index.</summary>
    public long FramesEmitted { get; private set; }

    /// <summary>
    /// Appends samples [0, <paramref name="sampleCount"/>) of each channel of <paramref name="block"/>
    /// ([channels][samples]) and returns the newly complete frames, [channels, newFrames, bins] (possibly 0 frames).
    /// </summary>
    public ComplexSpectrogram Push(float[][] block, int sampleCount)
    {
        CheckBlock(block, sampleCount);
        DiscardConsumed();
        for (int c = 0; c < ChannelCount; c++)
        {
            EnsureCapacity(c, bufferCount + sampleCount);
            block[c].AsSpan(0, sampleCount).CopyTo(buffer[c].AsSpan(bufferCount));
        }
        bufferCount += sampleCount;
        SamplesReceived += sampleCount;
        return EmitFrames(CompleteFrameCount(), FrameAnalyzer.UnknownLength);
    }

    /// <summary>Appends whole blocks; see <see cref="Push(float[][], int)"/>.</summary>
    public ComplexSpectrogram Push(float[][] block) => Push(block, block?[0]?.Length ?? 0);

    /// <summary>
    /// Appends interleaved samples (frame-major: s0c0, s0c1, ..., as audio sources deliver them); the length must be
    /// a multiple of the channel count. Returns the newly complete frames, like <see cref="Push(float[][], int)"/>.
    /// </summary>
    public ComplexSpectrogram PushInterleaved(ReadOnlySpan<float> interleaved)
    {
        if (completed) throw new InvalidOperationException("The stream has already been completed.");
        if (interleaved.Length % ChannelCount != 0)
        {
            throw new ArgumentException($"{interleaved.Length} interleaved samples are not a whole number of {ChannelCount}-channel frames.", nameof(interleaved));
        }
        int sampleCount = interleaved.Length / ChannelCount;
        DiscardConsumed();
        for (int c = 0; c < ChannelCount; c++)
        {
            EnsureCapacity(c, bufferCount + sampleCount);
            Span<float> target = buffer[c].AsSpan(bufferCount, sampleCount);
            for (int i = 0; i < sampleCount; i++) target[i] = interleaved[i * ChannelCount + c];
        }
        bufferCount += sampleCount;
        SamplesReceived += sampleCount;
        return EmitFrames(CompleteFrameCount(), FrameAnalyzer.UnknownLength);
    }

    /// <summary>Ends the stream and returns the remaining frames (those that need the end padding).</summary>
    public ComplexSpectrogram Complete()
    {
        if (completed) throw new InvalidOperationException("The stream has already been completed.");
        completed = true;
        if (SamplesReceived == 0 && config.Center && config.PadMode == PadMode.Reflect)
        {
            throw new InvalidOperationException("Reflect padding needs at least one sample; the stream is empty.");
        }
        return EmitFrames(config.FrameCount(SamplesReceived), SamplesReceived);
    }

    /// <summary>Frames whose samples (and start reflection) are all received: t hop - offset + N &lt;= received and the reflection of x[offset - t hop] is present.</summary>
    private long CompleteFrameCount()
    {
        long reach = SamplesReceived + config.Offset - config.FftSize;   // t hop <= reach
        if (reach < 0) return 0;
        long count = reach / config.HopSize + 1;
        // Frame 0 reflects x[offset]: with a hop-aligned reach that sample may be the last one not yet received.
        if (config.Center && config.PadMode == PadMode.Reflect && SamplesReceived <= config.Offset) count = 0;
        return count;
    }

    private ComplexSpectrogram EmitFrames(long frameLimit, long signalLength)
    {
        int newFrames = (int)Math.Max(0, frameLimit - FramesEmitted);
        var spectrogram = new ComplexSpectrogram(ChannelCount, newFrames, config.BinCount);
        for (int c = 0; c < ChannelCount; c++)
        {
            ReadOnlySpan<float> samples = buffer[c].AsSpan(0, bufferCount);
            for (int i = 0; i < newFrames; i++)
            {
                analyzer.Analyze(samples, bufferStart, signalLength, FramesEmitted + i, spectrogram.RealFrame(c, i), spectrogram.ImagFrame(c, i));
            }
        }
        FramesEmitted += newFrames;
        return spectrogram;
    }

    /// <summary>Drops samples no future frame needs (one extra sample is kept for the end reflection).</summary>
    private void DiscardConsumed()
    {
        long keepFrom = Math.Max(0, FramesEmitted * config.HopSize - config.Offset - 1);
        int drop = (int)Math.Min(bufferCount, keepFrom - bufferStart);
        if (drop <= 0) return;
        for (int c = 0; c < ChannelCount; c++) buffer[c].AsSpan(drop, bufferCount - drop).CopyTo(buffer[c]);
        bufferCount -= drop;
        bufferStart += drop;
    }

    private void EnsureCapacity(int channel, int needed)
    {
        if (buffer[channel].Length >= needed) return;
        Array.Resize(ref buffer[channel], Math.Max(needed, 2 * buffer[channel].Length));
    }

    private void CheckBlock(float[][] block, int sampleCount)
    {
        if (completed) throw new InvalidOperationException("The stream has already been completed.");
        ArgumentNullException.ThrowIfNull(block);
        if (block.Length != ChannelCount) throw new ArgumentException($"Expected {ChannelCount} channels, got {block.Length}.", nameof(block));
        ArgumentOutOfRangeException.ThrowIfNegative(sampleCount);
        for (int c = 0; c < ChannelCount; c++)
        {
            if (block[c] is null || block[c].Length < sampleCount)
            {
                throw new ArgumentException($"Channel {c} has {block[c]?.Length ?? 0} samples; {sampleCount} were announced.", nameof(block));
            }
        }
    }
}
