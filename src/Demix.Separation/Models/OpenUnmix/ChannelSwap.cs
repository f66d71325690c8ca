using System.Numerics.Tensors;

namespace Demix.Separation.Models.OpenUnmix;

/// <summary>
/// The channel-swap test-time augmentation on stereo magnitudes in the [channels = 2, frames, bins] layout:
/// the left plane is the first half of the array, the right plane the second.
/// </summary>
internal static class ChannelSwap
{
    /// <summary>Swaps the two channel planes in place.</summary>
    public static void SwapHalves(float[] stereo)
    {
        if (stereo.Length % 2 != 0) throw new ArgumentException("A stereo [2, frames, bins] array has an even length.", nameof(stereo));
        int half = stereo.Length / 2;
        for (int i = 0; i < half; i++) (stereo[i], stereo[half + i]) = (stereo[half + i], stereo[i]);
    }

    /// <summary><c>mean[i] = (mean[i] + other[i]) / 2</c>.</summary>
    public static void Average(float[] mean, float[] other)
    {
        TensorPrimitives.Add(mean, other, mean);
        TensorPrimitives.Multiply(mean, 0.5f, mean);
    }
}
