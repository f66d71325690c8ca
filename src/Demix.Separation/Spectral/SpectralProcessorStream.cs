using Demix.Dsp.Stft;
using Demix.Separation.Pipeline;

namespace Demix.Separation.Spectral;

/// <summary>
/// Demix.Dsp's streaming STFT -> <see cref="ISpectralProcessor"/> -> streaming inverse STFT, one inverse per stem.
/// Frame f covers input samples <c>[f hop - N/2, f hop + N/2)</c> with zeros outside the track, and every frame
/// that touches a sample is made: those are the centred frames of the track extended by <c>N/2 - 1</c> zeros,
/// which <see cref="Finish"/> appends before completing the STFT. The inverse divides the overlap-added frames by
/// the overlap-added squared window, so an identity processor gives the input back to float rounding, whatever
/// the block sizes. Memory: a few frames plus whatever look-ahead the processor keeps.
/// </summary>
public sealed class SpectralProcessorStream : ISeparationStream
{
    private readonly ISpectralProcessor processor;
    private readonly StftConfig config;
    private readonly StreamingStft analysis;
    private readonly StreamingIstft[] synthesis;   // [stems]
    private long inputSamples;                      // real samples pushed (without the appended zeros)
    private long outputSamples;                     // samples per stem written to the sink

    /// <summary>Creates a stream.</summary>
    /// <param name="processor">Maps mixture frames to stem frames.</param>
    /// <param name="channelCount">Channels of the input and of every stem.</param>
    /// <param name="config">Centred frames with zero padding, unscaled, hop at most half the FFT size.</param>
    public SpectralProcessorStream(ISpectralProcessor processor, int channelCount, StftConfig config)
    {
        ArgumentNullException.ThrowIfNull(processor);
        ArgumentNullException.ThrowIfNull(config);
        if (!config.Center || config.PadMode != PadMode.Zero || config.PadEnd || config.Scaling != SpectrumScaling.None)
        {
            throw new ArgumentException($"{config}: the spectral methods need centred, zero-padded, unscaled frames without end padding.", nameof(config));
        }
        if (2 * config.HopSize > config.FftSize) throw new ArgumentOutOfRangeException(nameof(config), config, "The hop must be at most half the FFT size.");
        this.processor = processor;
        this.config = config;
        analysis = new StreamingStft(config, channelCount);
        synthesis = [.. Enumerable.Range(0, processor.StemCount).Select(_ => new StreamingIstft(config, channelCount))];
    }

    /// <summary>The zero-padded, centred STFT the spectral methods use, with <paramref name="window"/> (its length is the FFT size).</summary>
    public static StftConfig Framing(float[] window, int hopSize) => new(window, hopSize, center: true, PadMode.Zero);

    /// <inheritdoc />
    public void Push(float[][] input, int frameCount, IStemBlockSink sink)
    {
        inputSamples += frameCount;
        Analyze(analysis.Push(input, frameCount), endOfTrack: false, sink);
    }

    /// <inheritdoc />
    public void Finish(IStemBlockSink sink)
    {
        if (inputSamples == 0) return;
        int zeroCount = config.FftSize / 2 - 1;
        float[][] zeros = [.. Enumerable.Range(0, analysis.ChannelCount).Select(_ => new float[zeroCount])];
        Analyze(analysis.Push(zeros, zeroCount), endOfTrack: false, sink);
        Analyze(analysis.Complete(), endOfTrack: true, sink);
        var rest = new float[synthesis.Length][][];
        for (int s = 0; s < synthesis.Length; s++) rest[s] = synthesis[s].Complete(Math.Max(inputSamples, synthesis[s].SamplesEmitted));
        Write(rest, sink);
    }

    /// <summary>Hands <paramref name="frames"/> to the processor and writes the samples of every stem frame it releases.</summary>
    private void Analyze(ComplexSpectrogram frames, bool endOfTrack, IStemBlockSink sink)
    {
        if (frames.FrameCount > 0) processor.Add(frames);
        while (processor.TakeReady(endOfTrack) is { } stems)
        {
            var blocks = new float[synthesis.Length][][];
            for (int s = 0; s < synthesis.Length; s++) blocks[s] = synthesis[s].Push(stems[s]);
            Write(blocks, sink);
        }
    }

    /// <summary>Writes [stems][channels][samples], cut at the end of the real input (the appended zeros are not output).</summary>
    private void Write(float[][][] blocks, IStemBlockSink sink)
    {
        int count = (int)Math.Min(blocks[0][0].Length, inputSamples - outputSamples);
        if (count <= 0) return;
        outputSamples += count;
        sink.Write(blocks, count);
    }
}
