using System.Numerics.Tensors;

namespace Demix.Audio;

/// <summary>
/// Band-limited resampling by any rational ratio with a polyphase Kaiser-windowed sinc
/// (<see cref="ResamplerKernel"/>): passband ripple under 0.1 dB up to 0.9 x Nyquist of the lower rate,
/// stopband attenuation over 90 dB, no delay (the kernel is centred). As a decorator over a source it
/// streams with a few kilobytes of history per channel; <see cref="Resample(Waveform, int)"/> does a whole buffer.
/// </summary>
/// <remarks>The output has ceil(inputFrames x outputRate / inputRate) frames; samples before the start and after
/// the end of the input are taken as zero. Each output sample is one SIMD dot product (TensorPrimitives.Dot).</remarks>
public sealed class SincResampler : IAudioSource
{
    private const int InputBlockFrames = 8_192;

    private readonly IAudioSource source;
    private readonly ResamplerKernel kernel;
    private readonly float[][] history; // planar input, [channels][frames]; history[c][0] is input frame historyStart
    private readonly float[] block;
    private long historyStart;
    private int historyFrames;
    private long inputFrames;          // frames pulled from the source so far
    private bool sourceEnded;
    private long outputIndex;          // next output frame k
    private long baseFrame;            // n = floor(k M / L)
    private int phase;                 // p = k M mod L

    /// <summary>Wraps <paramref name="source"/> so that it reads at <paramref name="outputRate"/> Hz (the source is disposed with it).</summary>
    public SincResampler(IAudioSource source, int outputRate)
    {
        ArgumentNullException.ThrowIfNull(source);
        this.source = source;
        kernel = ResamplerKernel.Create(source.Format.SampleRate, outputRate);
        Format = source.Format with { SampleRate = outputRate };
        int channelCount = source.Format.ChannelCount;
        history = new float[channelCount][];
        for (int c = 0; c < channelCount; c++) history[c] = new float[kernel.Taps + 2 * InputBlockFrames];
        block = new float[InputBlockFrames * channelCount];
        // Frames before the input are zeros: start the history HalfTaps frames early.
        historyStart = -kernel.HalfTaps;
        historyFrames = kernel.HalfTaps;
    }

    /// <inheritdoc />
    public AudioFormat Format { get; }

    /// <inheritdoc />
    public long? FrameCount => source.FrameCount is long frames ? kernel.OutputFrames(frames) : null;

    /// <summary>A source that reads at <paramref name="outputRate"/>: the source itself when the rate already matches.</summary>
    public static IAudioSource Resample(IAudioSource source, int outputRate) =>
        source.Format.SampleRate == outputRate ? source : new SincResampler(source, outputRate);

    /// <summary>Resamples a whole waveform (channels in parallel); returns the same instance when the rate already matches.</summary>
    public static Waveform Resample(Waveform waveform, int outputRate)
    {
        ArgumentNullException.ThrowIfNull(waveform);
        if (waveform.SampleRate == outputRate) return waveform;
        ResamplerKernel kernel = ResamplerKernel.Create(waveform.SampleRate, outputRate);
        var output = new float[waveform.ChannelCount][];
        Parallel.For(0, waveform.ChannelCount, c => output[c] = ResampleChannel(waveform.Channels[c], kernel));
        return new Waveform(output, outputRate);
    }

    /// <inheritdoc />
    public int Read(Span<float> interleaved)
    {
        int channelCount = Format.ChannelCount;
        int frames = interleaved.Length / channelCount;
        int produced = 0;
        while (produced < frames)
        {
            if (sourceEnded && outputIndex >= kernel.OutputFrames(inputFrames)) break;
            long first = baseFrame - kernel.HalfTaps + 1;
            if (first + kernel.Taps > historyStart + historyFrames)
            {
                Refill(first);
                continue;
            }
            ReadOnlySpan<float> coefficients = kernel.Phase(phase);
            int offset = (int)(first - historyStart);
            for (int c = 0; c < channelCount; c++)
            {
                interleaved[produced * channelCount + c] = TensorPrimitives.Dot(coefficients, history[c].AsSpan(offset, kernel.Taps));
            }
            produced++;
            Advance();
        }
        return produced * channelCount;
    }

    /// <summary>Disposes the wrapped source.</summary>
    public void Dispose() => source.Dispose();

    private void Advance()
    {
        outputIndex++;
        phase += kernel.Downsampling;
        baseFrame += phase / kernel.Upsampling;
        phase %= kernel.Upsampling;
    }

    /// <summary>Drops history before <paramref name="firstNeeded"/> and appends a block from the source (zeros after its end).</summary>
    private void Refill(long firstNeeded)
    {
        int drop = (int)Math.Clamp(firstNeeded - historyStart, 0, historyFrames);
        int channelCount = Format.ChannelCount;
        for (int c = 0; c < channelCount; c++) Array.Copy(history[c], drop, history[c], 0, historyFrames - drop);
        historyStart += drop;
        historyFrames -= drop;
        int room = Math.Min(InputBlockFrames, history[0].Length - historyFrames);
        int got = sourceEnded ? 0 : source.Read(block.AsSpan(0, room * channelCount)) / channelCount;
        if (got > 0)
        {
            Interleaving.Deinterleave(block.AsSpan(0, got * channelCount), history, historyFrames);
            inputFrames += got;
        }
        else
        {
            sourceEnded = true;
            for (int c = 0; c < channelCount; c++) history[c].AsSpan(historyFrames, room).Clear();
            got = room;
        }
        historyFrames += got;
    }

    private static float[] ResampleChannel(float[] input, ResamplerKernel kernel)
    {
        // Zero padding on both sides so every output reads whole taps.
        var padded = new float[input.Length + 2 * kernel.Taps];
        input.CopyTo(padded, kernel.HalfTaps);
        var output = new float[kernel.OutputFrames(input.Length)];
        long baseFrame = 0;
        int phase = 0;
        for (int k = 0; k < output.Length; k++)
        {
            int first = (int)baseFrame + 1; // (baseFrame - HalfTaps + 1) shifted by the HalfTaps of padding
            output[k] = TensorPrimitives.Dot(kernel.Phase(phase), padded.AsSpan(first, kernel.Taps));
            phase += kernel.Downsampling;
            baseFrame += phase / kernel.Upsampling;
            phase %= kernel.Upsampling;
        }
        return output;
    }
}
