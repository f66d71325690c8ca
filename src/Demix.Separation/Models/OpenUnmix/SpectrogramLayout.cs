using Demix.Engine.Tensors;

namespace Demix.Separation.Models.OpenUnmix;

/// <summary>
/// Moves magnitudes between Demix.Dsp's layout [channels, frames, bins] and the network's [frames, samples = 1,
/// channels, bins] (the reference permutes (S, C, F, T) to (T, S, C, F) at the start of its forward).
/// </summary>
public static class SpectrogramLayout
{
    /// <summary>[C, T, F] magnitudes into a [T, 1, networkChannels, F] tensor; a mono network gets the channel mean.</summary>
    public static Tensor ToNetworkInput(float[] magnitude, int channels, int frames, int bins, int networkChannels)
    {
        ArgumentNullException.ThrowIfNull(magnitude);
        if (magnitude.Length != channels * frames * bins) throw new ArgumentException("Magnitude length does not match its shape.", nameof(magnitude));
        var data = new float[frames * networkChannels * bins];
        Parallel.For(0, frames, t =>
        {
            for (int c = 0; c < channels; c++)
            {
                ReadOnlySpan<float> source = magnitude.AsSpan((c * frames + t) * bins, bins);
                if (networkChannels == channels)
                {
                    source.CopyTo(data.AsSpan((t * networkChannels + c) * bins, bins));
                    continue;
                }
                Span<float> mean = data.AsSpan(t * bins, bins);   // mono network: average the channels
                for (int k = 0; k < bins; k++) mean[k] += source[k] / channels;
            }
        });
        return new Tensor([frames, 1, networkChannels, bins], data);
    }

    /// <summary>A [T, 1, Cn, F] network output into [channels, T, F]; a mono output is copied to every channel.</summary>
    public static float[] FromNetworkOutput(Tensor output, int channels)
    {
        ArgumentNullException.ThrowIfNull(output);
        int frames = output.Size(0), networkChannels = output.Size(2), bins = output.Size(3);
        var result = new float[channels * frames * bins];
        float[] source = output.Data;
        Parallel.For(0, frames, t =>
        {
            for (int c = 0; c < channels; c++)
            {
                int from = (t * networkChannels + (networkChannels == 1 ? 0 : c)) * bins;
                source.AsSpan(from, bins).CopyTo(result.AsSpan((c * frames + t) * bins, bins));
            }
        });
        return result;
    }
}
