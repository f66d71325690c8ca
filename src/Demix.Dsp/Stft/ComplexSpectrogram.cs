using System.Numerics.Tensors;

namespace Demix.Dsp.Stft;

/// <summary>
/// A complex one-sided spectrogram, layout [channels, frames, bins] (row-major, bins fastest), stored as
/// two split arrays <see cref="Real"/> and <see cref="Imag"/> of equal length channels x frames x bins.
/// Element (c, t, k) is at index (c frames + t) bins + k.
/// </summary>
public sealed class ComplexSpectrogram
{
    /// <summary>Creates a zero spectrogram.</summary>
    public ComplexSpectrogram(int channelCount, int frameCount, int binCount)
        : this(channelCount, frameCount, binCount, new float[Size(channelCount, frameCount, binCount)], new float[Size(channelCount, frameCount, binCount)])
    {
    }

    /// <summary>Wraps existing arrays (not copied) of length channels x frames x bins each.</summary>
    public ComplexSpectrogram(int channelCount, int frameCount, int binCount, float[] real, float[] imag)
    {
        long size = Size(channelCount, frameCount, binCount);
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(imag);
        if (real.Length != size || imag.Length != size)
        {
            throw new ArgumentException($"Expected real and imaginary arrays of {size} elements ({channelCount} x {frameCount} x {binCount}), got {real.Length} and {imag.Length}.");
        }
        ChannelCount = channelCount;
        FrameCount = frameCount;
        BinCount = binCount;
        Real = real;
        Imag = imag;
    }

    /// <summary>A spectrogram whose arrays are not zeroed: for producers that overwrite every element.</summary>
    internal static ComplexSpectrogram CreateUninitialized(int channelCount, int frameCount, int binCount)
    {
        int size = Size(channelCount, frameCount, binCount);
        return new ComplexSpectrogram(channelCount, frameCount, binCount, GC.AllocateUninitializedArray<float>(size), GC.AllocateUninitializedArray<float>(size));
    }

    /// <summary>Number of audio channels.</summary>
    public int ChannelCount { get; }

    /// <summary>Number of STFT frames.</summary>
    public int FrameCount { get; }

    /// <summary>Number of frequency bins (fftSize/2 + 1).</summary>
    public int BinCount { get; }

    /// <summary>Real parts, [channels, frames, bins].</summary>
    public float[] Real { get; }

    /// <summary>Imaginary parts, [channels, frames, bins].</summary>
    public float[] Imag { get; }

    /// <summary>Total number of complex elements.</summary>
    public int Length => Real.Length;

    /// <summary>Index of bin 0 of frame <paramref name="frame"/> in channel <paramref name="channel"/>.</summary>
    public int Offset(int channel, int frame) => (channel * FrameCount + frame) * BinCount;

    /// <summary>The real parts of one frame (bins).</summary>
    public Span<float> RealFrame(int channel, int frame) => Real.AsSpan(Offset(channel, frame), BinCount);

    /// <summary>The imaginary parts of one frame (bins).</summary>
    public Span<float> ImagFrame(int channel, int frame) => Imag.AsSpan(Offset(channel, frame), BinCount);

    /// <summary>|X| into <paramref name="destination"/> ([channels, frames, bins]).</summary>
    public void Magnitude(Span<float> destination)
    {
        CheckDestination(destination.Length);
        TensorPrimitives.Hypot(Real, Imag, destination);
    }

    /// <summary>|X| as a new array, [channels, frames, bins].</summary>
    public float[] Magnitude()
    {
        var result = new float[Length];
        Magnitude(result);
        return result;
    }

    /// <summary>|X|^2 into <paramref name="destination"/> ([channels, frames, bins]).</summary>
    public void Power(Span<float> destination)
    {
        CheckDestination(destination.Length);
        TensorPrimitives.Multiply(Real, Real, destination);
        TensorPrimitives.FusedMultiplyAdd(Imag, Imag, destination, destination);
    }

    /// <summary>Multiplies every element by a real mask of the same layout, in place.</summary>
    public void MultiplyBy(ReadOnlySpan<float> mask)
    {
        if (mask.Length != Length) throw new ArgumentException($"The mask has {mask.Length} elements; the spectrogram has {Length}.", nameof(mask));
        TensorPrimitives.Multiply(Real, mask, Real);
        TensorPrimitives.Multiply(Imag, mask, Imag);
    }

    /// <summary>A deep copy.</summary>
    public ComplexSpectrogram Clone() => new(ChannelCount, FrameCount, BinCount, (float[])Real.Clone(), (float[])Imag.Clone());

    /// <summary>Copies frames [firstFrame, firstFrame + frameCount) of every channel into a new spectrogram.</summary>
    public ComplexSpectrogram SliceFrames(int firstFrame, int frameCount)
    {
        if (firstFrame < 0 || frameCount < 0 || firstFrame + frameCount > FrameCount)
        {
            throw new ArgumentOutOfRangeException(nameof(frameCount), $"Frames [{firstFrame}, {firstFrame + frameCount}) are outside 0..{FrameCount}.");
        }
        var slice = new ComplexSpectrogram(ChannelCount, frameCount, BinCount);
        for (int c = 0; c < ChannelCount; c++)
        {
            int count = frameCount * BinCount;
            Real.AsSpan(Offset(c, firstFrame), count).CopyTo(slice.Real.AsSpan(slice.Offset(c, 0), count));
            Imag.AsSpan(Offset(c, firstFrame), count).CopyTo(slice.Imag.AsSpan(slice.Offset(c, 0), count));
        }
        return slice;
    }

    private void CheckDestination(int length)
    {
        if (length != Length) throw new ArgumentException($"The destination has {length} elements; the spectrogram has {Length}.", "destination");
    }

    private static int Size(int channelCount, int frameCount, int binCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channelCount);
        ArgumentOutOfRangeException.ThrowIfNegative(frameCount);
        ArgumentOutOfRangeException.ThrowIfNegative(binCount);
        long size = (long)channelCount * frameCount * binCount;
        if (size > Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(frameCount), $"A spectrogram of {size} elements is too large; process the signal in chunks.");
        return (int)size;
    }
}
