using Demix.Engine.Autograd;
using Demix.Engine.Tensors;

namespace Demix.Separation.Models.Seeds;

/// <summary>
/// Runs an <see cref="ISpectrogramNetwork"/> over a whole magnitude spectrogram: each channel is one batch item,
/// frames are zero-padded to the network's multiple and the result cut back; bins above the network's band get 0.
/// </summary>
public sealed class SpectrogramEstimator(ISpectrogramNetwork network, IReadOnlyList<string> stems) : IMagnitudeEstimator
{
    /// <inheritdoc />
    public IReadOnlyList<string> Stems { get; } = stems;

    /// <inheritdoc />
    public float[][] Estimate(float[] magnitude, int channels, int frames, int bins)
    {
        ArgumentNullException.ThrowIfNull(magnitude);
        int band = network.BinCount, multiple = network.FrameMultiple;
        if (band > bins) throw new ArgumentException($"The network needs {band} bins, the STFT has {bins}.");
        int padded = (frames + multiple - 1) / multiple * multiple;
        Tensor input = ToImage(magnitude, channels, frames, bins, padded, band);
        Tensor[] outputs;
        using (new NoGradScope()) outputs = network.EstimateMagnitudes(input);
        return [.. outputs.Select(o => FromImage(o.Data, channels, frames, bins, padded, band))];
    }

    /// <summary>[channels * frames * bins] to [channels, 1, padded, band].</summary>
    public static Tensor ToImage(float[] magnitude, int channels, int frames, int bins, int padded, int band)
    {
        var data = new float[channels * padded * band];
        for (int c = 0; c < channels; c++)
        {
            for (int t = 0; t < frames; t++) magnitude.AsSpan((c * frames + t) * bins, band).CopyTo(data.AsSpan((c * padded + t) * band));
        }
        return new Tensor([channels, 1, padded, band], data);
    }

    /// <summary>The inverse of <see cref="ToImage"/>, bins above the band set to 0.</summary>
    public static float[] FromImage(float[] image, int channels, int frames, int bins, int padded, int band)
    {
        var result = new float[channels * frames * bins];
        for (int c = 0; c < channels; c++)
        {
            for (int t = 0; t < frames; t++) image.AsSpan((c * padded + t) * band, band).CopyTo(result.AsSpan((c * frames + t) * bins));
        }
        return result;
    }
}
