using System.Numerics.Tensors;
using Demix.Separation.Pipeline;

namespace Demix.Separation.Spectral;

/// <summary>
/// An exact streaming STFT -> <see cref="ISpectralProcessor"/> -> inverse STFT. Frame f covers input
/// samples <c>[f hop - N/2, f hop + N/2)</c> (centred frames, zeros before the start and after the end);
/// the inverse is a weighted overlap-add divided by the summed squared window, so with an identity
/// processor the output equals the input to float rounding, whatever the block sizes. Memory: a few
/// frames plus whatever look-ahead the processor keeps.
/// </summary>
public sealed class SpectralStream : ISeparationStream
{
    private readonly ISpectralProcessor processor;
    private readonly IRealFft fft;
    private readonly float[] window;         // [N], analysis and synthesis window
    private readonly int fftSize;
    private readonly int hopSize;
    private readonly float[][] frameBuffer;  // [channels][N], padded input of the next frame
    private readonly float[][][] overlap;    // [stems][channels][N], overlap-add sums from padded position olaStart
    private readonly float[] windowPower;    // [N], summed squared window from olaStart
    private readonly float[][][] outBlock;   // [stems][channels][N], emission buffer
    private readonly SpectralFrame[] stemFrames;
    private readonly Stack<SpectralFrame> pool = new();
    private readonly float[] scratch;        // [N]
    private int filled;                      // valid samples in frameBuffer
    private long framesMade;
    private long inputFrames;                // real samples pushed so far
    private long emittedFrames;              // real samples emitted so far
    private long overlapStart;               // padded position of overlap[.][.][0]

    /// <summary>Creates a stream.</summary>
    /// <param name="processor">Maps mixture frames to stem frames.</param>
    /// <param name="channelCount">Channels of the input and of every stem.</param>
    /// <param name="window">Analysis and synthesis window; its length is the FFT size.</param>
    /// <param name="hopSize">Samples between frames, at most half the FFT size.</param>
    /// <param name="fft">A real FFT of the window's length, owned by this stream.</param>
    public SpectralStream(ISpectralProcessor processor, int channelCount, float[] window, int hopSize, IRealFft fft)
    {
        ArgumentNullException.ThrowIfNull(processor);
        ArgumentNullException.ThrowIfNull(window);
        if (fft.Size != window.Length) throw new ArgumentException("The FFT size must equal the window length.", nameof(fft));
        if (hopSize < 1 || 2 * hopSize > window.Length) throw new ArgumentOutOfRangeException(nameof(hopSize));
        this.processor = processor;
        this.fft = fft;
        this.window = window;
        fftSize = window.Length;
        this.hopSize = hopSize;
        frameBuffer = Planar(channelCount, fftSize);
        overlap = new float[processor.StemCount][][];
        outBlock = new float[processor.StemCount][][];
        stemFrames = new SpectralFrame[processor.StemCount];
        for (int s = 0; s < processor.StemCount; s++)
        {
            overlap[s] = Planar(channelCount, fftSize);
            outBlock[s] = Planar(channelCount, fftSize);
            stemFrames[s] = new SpectralFrame(channelCount, fftSize / 2 + 1);
        }
        windowPower = new float[fftSize];
        scratch = new float[fftSize];
        filled = fftSize / 2;   // the zeros before the first sample
    }

    /// <inheritdoc />
    public void Push(float[][] input, int frameCount, IStemBlockSink sink)
    {
        int offset = 0;
        while (offset < frameCount)
        {
            int take = Math.Min(frameCount - offset, fftSize - filled);
            for (int c = 0; c < frameBuffer.Length; c++) Array.Copy(input[c], offset, frameBuffer[c], filled, take);
            filled += take;
            offset += take;
            inputFrames += take;
            if (filled == fftSize)
            {
                MakeFrame();
                Drain(endOfTrack: false, sink);
            }
        }
    }

    /// <inheritdoc />
    public void Finish(IStemBlockSink sink)
    {
        long lastPaddedPosition = inputFrames - 1 + fftSize / 2;
        while (inputFrames > 0 && framesMade * hopSize <= lastPaddedPosition)
        {
            for (int c = 0; c < frameBuffer.Length; c++) Array.Clear(frameBuffer[c], filled, fftSize - filled);
            MakeFrame();
            Drain(endOfTrack: false, sink);
        }
        Drain(endOfTrack: true, sink);
        Emit(fftSize, sink);   // the rest: Emit stops at the last real sample
    }

    private void MakeFrame()
    {
        SpectralFrame frame = pool.Count > 0 ? pool.Pop() : new SpectralFrame(frameBuffer.Length, fftSize / 2 + 1);
        frame.Index = framesMade++;
        for (int c = 0; c < frameBuffer.Length; c++)
        {
            TensorPrimitives.Multiply(frameBuffer[c], window, scratch);
            fft.Forward(scratch, frame.Real[c], frame.Imaginary[c]);
            Array.Copy(frameBuffer[c], hopSize, frameBuffer[c], 0, fftSize - hopSize);
        }
        filled = fftSize - hopSize;
        processor.Add(frame);
    }

    private void Drain(bool endOfTrack, IStemBlockSink sink)
    {
        while (processor.TryTake(endOfTrack, stemFrames, out SpectralFrame? consumed))
        {
            if (consumed is not null) pool.Push(consumed);
            OverlapAdd();
            Emit(hopSize, sink);
        }
    }

    /// <summary>Adds the inverse of the taken stem frames at the start of the overlap buffers.</summary>
    private void OverlapAdd()
    {
        for (int s = 0; s < stemFrames.Length; s++)
        {
            for (int c = 0; c < frameBuffer.Length; c++)
            {
                fft.Inverse(stemFrames[s].Real[c], stemFrames[s].Imaginary[c], scratch);
                TensorPrimitives.Multiply(scratch, window, scratch);
                TensorPrimitives.Add(overlap[s][c], scratch, overlap[s][c]);
            }
        }
        TensorPrimitives.Multiply(window, window, scratch);
        TensorPrimitives.Add(windowPower, scratch, windowPower);
    }

    /// <summary>Writes the first <paramref name="count"/> finished samples and shifts the buffers.</summary>
    private void Emit(int count, IStemBlockSink sink)
    {
        int skip = (int)Math.Clamp(fftSize / 2 - overlapStart, 0, count);          // padding before the start
        int real = (int)Math.Clamp(inputFrames - emittedFrames, 0, count - skip); // never past the end
        overlapStart += count;
        for (int s = 0; s < overlap.Length; s++)
        {
            for (int c = 0; c < frameBuffer.Length; c++)
            {
                for (int i = 0; i < real; i++)
                {
                    float power = windowPower[skip + i];
                    outBlock[s][c][i] = power > 1e-10f ? overlap[s][c][skip + i] / power : 0f;
                }
                Shift(overlap[s][c], count);
            }
        }
        Shift(windowPower, count);
        emittedFrames += real;
        if (real > 0) sink.Write(outBlock, real);
    }

    private static void Shift(float[] buffer, int count)
    {
        Array.Copy(buffer, count, buffer, 0, buffer.Length - count);
        Array.Clear(buffer, buffer.Length - count, count);
    }

    private static float[][] Planar(int channelCount, int length)
    {
        var result = new float[channelCount][];
        for (int c = 0; c < channelCount; c++) result[c] = new float[length];
        return result;
    }
}
