using System.Numerics.Tensors;
using Demix.Dsp.Stft;

namespace Demix.Separation.Spectral;

/// <summary>Real masks applied to single frames of a <see cref="ComplexSpectrogram"/>.</summary>
public static class FrameMask
{
    /// <summary>
    /// Writes <c>mask[k] x source(channel, frame, k)</c> into <c>destination(channel, destinationFrame, k)</c>.
    /// </summary>
    /// <param name="mask">One gain per bin, [bins].</param>
    public static void Apply(ComplexSpectrogram source, int channel, int frame, ReadOnlySpan<float> mask,
        ComplexSpectrogram destination, int destinationFrame)
    {
        TensorPrimitives.Multiply(source.RealFrame(channel, frame), mask, destination.RealFrame(channel, destinationFrame));
        TensorPrimitives.Multiply(source.ImagFrame(channel, frame), mask, destination.ImagFrame(channel, destinationFrame));
    }
}
