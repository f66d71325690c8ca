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
        Span<float> left = stereo.AsSpan(0, half), right = stereo.AsSpan(half);
        float[] buffer = System.Buffers.ArrayPool<float>.Shared.Rent(Math.Min(half, 1 << 16));
        try
        {
            for (int start = 0; start < half; start += buffer.Length)
            {
                int count = Math.Min(buffer.Length, half - start);
                Span<float> temporary = buffer.AsSpan(0, count);
                left.Slice(start, count).CopyTo(temporary);
                right.Slice(start, count).CopyTo(left.Slice(start, count));
                temporary.CopyTo(right.Slice(start, count));
            }
        }
        finally
        {
            System.Buffers.ArrayPool<float>.Shared.Return(buffer);
        }
    }

    /// <summary><c>mean[i] = (mean[i] + other[i]) / 2</c>.</summary>
    public static void Average(float[] mean, float[] other)
    {
        TensorPrimitives.Add(mean, other, mean);
        TensorPrimitives.Multiply(mean, 0.5f, mean);
    }
}
