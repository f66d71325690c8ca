namespace Demix.Separation.Spectral;

/// <summary>
/// The one-sided spectra of one STFT frame for every channel, split into real and imaginary parts,
/// <c>[channels][bins]</c> with <c>bins = fftSize / 2 + 1</c>.
/// </summary>
public sealed class SpectralFrame
{
    /// <summary>Allocates a zeroed frame.</summary>
    public SpectralFrame(int channelCount, int binCount)
    {
        Real = new float[channelCount][];
        Imaginary = new float[channelCount][];
        for (int c = 0; c < channelCount; c++)
        {
            Real[c] = new float[binCount];
            Imaginary[c] = new float[binCount];
        }
    }

    /// <summary>Real parts, [channels][bins].</summary>
    public float[][] Real { get; }

    /// <summary>Imaginary parts, [channels][bins].</summary>
    public float[][] Imaginary { get; }

    /// <summary>Index of the frame in its track (frame f is centred on sample f x hop).</summary>
    public long Index { get; set; }

    /// <summary>Number of channels.</summary>
    public int ChannelCount => Real.Length;

    /// <summary>Number of bins per channel.</summary>
    public int BinCount => Real[0].Length;

    /// <summary>Writes <c>mask[b] x this</c> for channel <paramref name="channel"/> into <paramref name="destination"/>.</summary>
    public void MaskInto(int channel, ReadOnlySpan<float> mask, SpectralFrame destination)
    {
        System.Numerics.Tensors.TensorPrimitives.Multiply(Real[channel], mask, destination.Real[channel]);
        System.Numerics.Tensors.TensorPrimitives.Multiply(Imaginary[channel], mask, destination.Imaginary[channel]);
    }
}
