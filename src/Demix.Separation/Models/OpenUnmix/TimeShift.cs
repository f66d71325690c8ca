using System.Numerics.Tensors;

namespace Demix.Separation.Models.OpenUnmix;

/// <summary>
/// The time-shift test-time augmentation on planar buffers: delay the mixture by a few samples (zeros in front),
/// separate, then take the stems from the same offset, so every pass lines up with the input again.
/// </summary>
internal static class TimeShift
{
    /// <summary>[channels][offset + frames]: <paramref name="offsetSamples"/> zeros, then <paramref name="mix"/>.</summary>
    public static float[][] Delay(float[][] mix, int offsetSamples)
    {
        var delayed = new float[mix.Length][];
        for (int c = 0; c < mix.Length; c++)
        {
            delayed[c] = new float[offsetSamples + mix[c].Length];
            mix[c].CopyTo(delayed[c], offsetSamples);
        }
        return delayed;
    }

    /// <summary>Adds <c>shifted[s][c][offset + i]</c> to <c>sum[s][c][i]</c> for every frame i of <paramref name="sum"/>.</summary>
    /// <param name="shifted">Stems of a delayed pass, [stems][channels][offset + frames].</param>
    /// <param name="offsetSamples">The delay that pass had.</param>
    /// <param name="sum">Running sum, [stems][channels][frames].</param>
    public static void AddShifted(float[][][] shifted, int offsetSamples, float[][][] sum)
    {
        for (int s = 0; s < sum.Length; s++)
        {
            for (int c = 0; c < sum[s].Length; c++)
            {
                Span<float> destination = sum[s][c];
                TensorPrimitives.Add(destination, shifted[s][c].AsSpan(offsetSamples, destination.Length), destination);
            }
        }
    }

    /// <summary>Multiplies every sample by <paramref name="factor"/>.</summary>
    public static void Scale(float[][][] stems, float factor)
    {
        foreach (float[][] stem in stems)
        {
            foreach (float[] channel in stem) TensorPrimitives.Multiply(channel, factor, channel);
        }
    }
}
