using Demix.Audio;

namespace Demix.Separation.Demo;

/// <summary>
/// Whole-signal SDR, <c>10 log10(sum s^2 / sum (s - estimate)^2)</c> over every channel and sample, in dB.
/// A quick figure, not museval's windowed BSS Eval v4 SDR (the evaluation library computes that).
/// </summary>
public static class SignalToDistortion
{
    /// <summary>SDR of <paramref name="estimate"/> against <paramref name="reference"/> in dB (+inf when exact).</summary>
    public static double Decibels(Waveform reference, Waveform estimate)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(estimate);
        if (reference.ChannelCount != estimate.ChannelCount || reference.FrameCount != estimate.FrameCount)
        {
            throw new ArgumentException("The estimate must have the reference's channels and length.", nameof(estimate));
        }
        double signal = 0, error = 0;
        for (int c = 0; c < reference.ChannelCount; c++)
        {
            float[] s = reference.Channels[c], e = estimate.Channels[c];
            for (int i = 0; i < s.Length; i++)
            {
                signal += (double)s[i] * s[i];
                error += ((double)s[i] - e[i]) * ((double)s[i] - e[i]);
            }
        }
        return 10 * Math.Log10(signal / error);
    }
}
