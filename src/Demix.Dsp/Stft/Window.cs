namespace Demix.Dsp.Stft;

/// <summary>Analysis window shapes.</summary>
public enum WindowKind
{
    /// <summary>Periodic Hann, w[n] = 0.5 - 0.5 cos(2 pi n / N) (torch.hann_window, scipy get_window('hann')).</summary>
    HannPeriodic,

    /// <summary>Symmetric Hann, w[n] = 0.5 - 0.5 cos(2 pi n / (N - 1)) (numpy.hanning).</summary>
    HannSymmetric,

    /// <summary>Square root of the periodic Hann (for analysis + synthesis pairs that multiply to Hann).</summary>
    SqrtHannPeriodic,

    /// <summary>All ones.</summary>
    Rectangular,

    /// <summary>Periodic Hamming, w[n] = 0.54 - 0.46 cos(2 pi n / N) (MATLAB hamming(N, 'periodic'); REPET's window).</summary>
    HammingPeriodic,

    /// <summary>Explicit values given to <see cref="StftConfig(float[], int, bool, PadMode, bool, SpectrumScaling)"/>; <see cref="Window.Create"/> cannot make it.</summary>
    Custom,
}

/// <summary>Window functions, computed in float64 and rounded to float32.</summary>
public static class Window
{
    /// <summary>A window of <paramref name="length"/> samples.</summary>
    public static float[] Create(WindowKind kind, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        return kind switch
        {
            WindowKind.HannPeriodic => Hann(length, periodic: true),
            WindowKind.HannSymmetric => Hann(length, periodic: false),
            WindowKind.SqrtHannPeriodic => SqrtHann(length),
            WindowKind.Rectangular => Enumerable.Repeat(1f, length).ToArray(),
            WindowKind.HammingPeriodic => Hamming(length),
            WindowKind.Custom => throw new ArgumentException("A custom window has explicit values: pass them to StftConfig.", nameof(kind)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown window kind."),
        };
    }

    /// <summary>Hann window: 0.5 - 0.5 cos(2 pi n / D) with D = N (periodic) or N - 1 (symmetric).</summary>
    public static float[] Hann(int length, bool periodic = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        var w = new float[length];
        if (length == 1)
        {
            w[0] = 1f;
            return w;
        }
        int denominator = periodic ? length : length - 1;
        for (int n = 0; n < length; n++) w[n] = (float)(0.5 - 0.5 * Math.Cos(2.0 * Math.PI * n / denominator));
        return w;
    }

    /// <summary>Periodic Hamming window: 0.54 - 0.46 cos(2 pi n / N).</summary>
    public static float[] Hamming(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        var w = new float[length];
        for (int n = 0; n < length; n++) w[n] = (float)(0.54 - 0.46 * Math.Cos(2 * Math.PI * n / length));
        return w;
    }

    /// <summary>Square root of the periodic Hann window.</summary>
    public static float[] SqrtHann(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        var w = new float[length];
        for (int n = 0; n < length; n++) w[n] = (float)Math.Sqrt(0.5 - 0.5 * Math.Cos(2.0 * Math.PI * n / length));
        return w;
    }
}
