using System.Numerics.Tensors;

namespace Demix.Audio;

/// <summary>
/// Accumulates the peak and RMS level of a stream, block by block (all channels together).
/// Levels are in dBFS with full scale = 1.0: a full-scale sine has peak 0 dBFS and RMS -3.01 dBFS;
/// digital silence is negative infinity.
/// </summary>
public sealed class LevelMeter
{
    private double sumOfSquares;
    private float peak;

    /// <summary>Samples measured so far.</summary>
    public long SampleCount { get; private set; }

    /// <summary>Largest absolute sample value so far (linear).</summary>
    public float Peak => peak;

    /// <summary>Root mean square of the samples so far (linear).</summary>
    public double Rms => SampleCount == 0 ? 0 : Math.Sqrt(sumOfSquares / SampleCount);

    /// <summary>Peak in dBFS: 20 log10(peak).</summary>
    public double PeakDbfs => ToDecibels(peak);

    /// <summary>RMS in dBFS: 20 log10(rms).</summary>
    public double RmsDbfs => ToDecibels(Rms);

    /// <summary>Adds a block of samples (any layout).</summary>
    public void Add(ReadOnlySpan<float> samples)
    {
        if (samples.IsEmpty) return;
        peak = Math.Max(peak, Math.Abs(TensorPrimitives.MaxMagnitude(samples)));
        sumOfSquares += TensorPrimitives.SumOfSquares(samples); // float per block, double across blocks
        SampleCount += samples.Length;
    }

    /// <summary>20 log10(linear); negative infinity for 0.</summary>
    public static double ToDecibels(double linear) => linear > 0 ? 20 * Math.Log10(linear) : double.NegativeInfinity;
}
